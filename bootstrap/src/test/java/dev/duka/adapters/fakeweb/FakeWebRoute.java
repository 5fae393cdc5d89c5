package dev.duka.adapters.fakeweb;

import dev.duka.adapters.fakedb.FakeDatabaseRepository;

/** Breaks the adapter rule on purpose: one adapter calling another. */
public final class FakeWebRoute {
  public int handle() {
    return new FakeDatabaseRepository().count();
  }
}
