package dev.duka.adapters.fakedb;

/** A stand-in adapter for the architecture fixtures. */
public final class FakeDatabaseRepository {
  public int count() {
    return 0;
  }
}
