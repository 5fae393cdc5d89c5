package dev.duka.bootstrap.mail;

import dev.duka.domain.port.in.DeliverMailUseCase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the outbox in the background: every {@code interval} it asks the delivery use case for a
 * batch, and again at once while batches come back full. It runs on one daemon thread per instance;
 * several server instances may each run one, since claims never overlap.
 *
 * <p>A failed run (the database is down, a bug) is logged and the next run comes as planned: the
 * first failure of a streak as a warning with its stack trace, the rest at debug level, and the
 * recovery once.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final int MAX_ROUNDS_PER_RUN = 100;

  private final DeliverMailUseCase delivery;
  private final Duration interval;
  private final int batchSize;
  private final ScheduledExecutorService executor;
  private volatile boolean closing;
  private boolean started;
  private int failedRuns;

  /**
   * A worker, not yet started.
   *
   * @param interval the pause between runs, e.g. one second
   * @param batchSize how many messages one claim takes, e.g. 20
   */
  public OutboxWorker(DeliverMailUseCase delivery, Duration interval, int batchSize) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be at least 1");
    }
    this.interval = interval;
    this.batchSize = batchSize;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "outbox-worker");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts the runs; the first comes at once.
   *
   * @throws IllegalStateException when started before or closed
   */
  public synchronized void start() {
    if (started || closing) {
      throw new IllegalStateException("an outbox worker starts once");
    }
    started = true;
    executor.scheduleWithFixedDelay(
        this::run, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the runs, waiting up to five seconds for the current one to finish; a mail it was sending
   * when cut off comes back when its lease ends.
   */
  @Override
  public void close() {
    closing = true;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the outbox worker did not finish within {}; interrupting it", CLOSE_WAIT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      int total = 0;
      int rounds = 0;
      int delivered;
      do {
        delivered = delivery.deliverDue(batchSize);
        total += delivered;
        rounds++;
      } while (delivered == batchSize && !closing && rounds < MAX_ROUNDS_PER_RUN);
      if (total > 0) {
        LOG.debug("delivered {} outbox messages", total);
      }
      if (failedRuns > 0) {
        LOG.info("outbox delivery works again after {} failed runs", failedRuns);
        failedRuns = 0;
      }
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (RuntimeException | Error failure) {
      // Anything thrown out of here would cancel every later run, silently.
      failedRuns++;
      if (failedRuns == 1) {
        LOG.warn("outbox delivery failed; retrying every {}", interval, failure);
      } else {
        LOG.debug("outbox delivery failed again ({} runs)", failedRuns, failure);
      }
    }
  }
}
