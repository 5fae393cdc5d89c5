package dev.duka.domain.testing;

import dev.duka.domain.port.out.Mailer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the mails it is asked to send. During an outage ({@link #startOutage()}) it refuses every
 * mail as an unreachable SMTP server would, and records nothing.
 */
public final class InMemoryMailer implements Mailer {
  private final List<Mail> sent = new ArrayList<>();
  private boolean down;
  private int refused;

  @Override
  public synchronized void send(Mail mail) {
    if (down) {
      refused++;
      throw new MailDeliveryException("the mail server cannot be reached (simulated outage)", null);
    }
    sent.add(mail);
  }

  /** From now on every mail fails with {@link Mailer.MailDeliveryException}. */
  public synchronized void startOutage() {
    down = true;
  }

  /** From now on mails are taken again. */
  public synchronized void endOutage() {
    down = false;
  }

  /** The mails taken so far, in the order they were sent. */
  public synchronized List<Mail> sent() {
    return List.copyOf(sent);
  }

  /** How many mails were refused during outages. */
  public synchronized int refused() {
    return refused;
  }
}
