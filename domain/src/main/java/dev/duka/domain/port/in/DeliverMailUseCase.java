package dev.duka.domain.port.in;

/**
 * Delivers the mails waiting in the outbox: what a background worker calls over and over, in as
 * many server instances as run.
 */
public interface DeliverMailUseCase {

  /**
   * Claims up to {@code limit} due messages and tries each once. A mail the server takes is marked
   * delivered; one it refuses, or cannot take because it is unreachable, is kept and retried later
   * with a growing delay. Never throws because a mail failed.
   *
   * @return how many messages were delivered
   * @throws IllegalArgumentException when {@code limit} is below 1
   * @throws dev.duka.domain.error.UnavailableException when the database cannot be reached
   */
  int deliverDue(int limit);
}
