package dev.duka.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.duka.domain.error.UnavailableException;
import dev.duka.domain.port.in.DeliverMailUseCase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

  /** Answers each call by its number (1, 2, 3…) and counts down a latch per call. */
  private static final class ScriptedDelivery implements DeliverMailUseCase {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch latch;
    final IntUnaryOperator script;

    ScriptedDelivery(int expectedCalls, IntUnaryOperator script) {
      this.latch = new CountDownLatch(expectedCalls);
      this.script = script;
    }

    @Override
    public int deliverDue(int limit) {
      int call = calls.incrementAndGet();
      latch.countDown();
      return script.applyAsInt(call);
    }
  }

  @Test
  void keepsRunningAfterFailedRuns() throws InterruptedException {
    ScriptedDelivery delivery =
        new ScriptedDelivery(
            4,
            call -> {
              if (call <= 2) {
                throw new UnavailableException("the database is unavailable", null);
              }
              if (call == 3) {
                throw new AssertionError("even an error does not stop the worker");
              }
              return 0;
            });

    try (OutboxWorker worker = new OutboxWorker(delivery, Duration.ofMillis(10), 5)) {
      worker.start();
      assertThat(delivery.latch.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void drainsFullBatchesWithoutWaitingForTheNextRun() throws InterruptedException {
    ScriptedDelivery delivery = new ScriptedDelivery(4, call -> call <= 3 ? 5 : 2);

    try (OutboxWorker worker = new OutboxWorker(delivery, Duration.ofHours(1), 5)) {
      worker.start();
      assertThat(delivery.latch.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(delivery.calls).hasValue(4);
  }

  @Test
  void runsNoMoreOnceClosed() throws InterruptedException {
    ScriptedDelivery delivery = new ScriptedDelivery(2, call -> 0);
    OutboxWorker worker = new OutboxWorker(delivery, Duration.ofMillis(10), 5);
    worker.start();
    assertThat(delivery.latch.await(10, TimeUnit.SECONDS)).isTrue();

    worker.close();
    int afterClose = delivery.calls.get();
    Thread.sleep(100);

    assertThat(delivery.calls).hasValue(afterClose);
    assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void startsOnlyOnce() {
    try (OutboxWorker worker =
        new OutboxWorker(new ScriptedDelivery(1, call -> 0), Duration.ofHours(1), 5)) {
      worker.start();
      assertThatThrownBy(worker::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesNonsenseSettings() {
    DeliverMailUseCase nothing = limit -> 0;
    assertThatThrownBy(() -> new OutboxWorker(nothing, Duration.ZERO, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutboxWorker(nothing, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
