package dev.duka.application.archfixture;

import dev.duka.adapters.fakedb.FakeDatabaseRepository;

/** Breaks the application and bootstrap rules on purpose: a use case that calls an adapter. */
public final class ServiceUsingAnAdapter {
  private final FakeDatabaseRepository repository = new FakeDatabaseRepository();

  public int count() {
    return repository.count();
  }
}
