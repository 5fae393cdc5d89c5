package dev.duka.adapters.postgres.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/** Writers racing each other: one thread per subject, all let go together. */
public final class AtOnce {
  private AtOnce() {}

  /**
   * Runs {@code write} {@code times} times for each subject, each subject on its own thread, the
   * threads started together, and returns, per subject, the sum of what its writes returned (rows
   * changed, say). Fails if a thread fails or takes more than a minute.
   */
  public static <T> List<Integer> repeat(List<T> subjects, int times, ToIntFunction<T> write)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(subjects.size());
    ExecutorService pool = Executors.newFixedThreadPool(subjects.size());
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (T subject : subjects) {
        done.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  int sum = 0;
                  for (int i = 0; i < times; i++) {
                    sum += write.applyAsInt(subject);
                  }
                  return sum;
                }));
      }
      List<Integer> sums = new ArrayList<>();
      for (Future<Integer> sum : done) {
        sums.add(sum.get(60, TimeUnit.SECONDS));
      }
      return sums;
    } finally {
      pool.shutdownNow();
    }
  }
}
