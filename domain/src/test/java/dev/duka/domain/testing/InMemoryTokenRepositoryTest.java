package dev.duka.domain.testing;

import dev.duka.domain.port.out.TokenRepository;
import dev.duka.domain.port.out.UserRepository;

class InMemoryTokenRepositoryTest extends TokenRepositoryContract {
  private final InMemoryTokenRepository tokens = new InMemoryTokenRepository();
  private final InMemoryUserRepository users = new InMemoryUserRepository();

  @Override
  protected TokenRepository tokens() {
    return tokens;
  }

  @Override
  protected UserRepository users() {
    return users;
  }
}
