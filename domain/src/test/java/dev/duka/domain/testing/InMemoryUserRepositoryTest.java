package dev.duka.domain.testing;

import dev.duka.domain.port.out.UserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
  private final InMemoryUserRepository repository = new InMemoryUserRepository();

  @Override
  protected UserRepository repository() {
    return repository;
  }
}
