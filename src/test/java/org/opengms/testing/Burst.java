package org.opengms.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs {@code n} calls at once: each on its own thread, all released by one gate. */
public final class Burst {

  private Burst() {}

  public static <T> List<T> of(int n, IntFunction<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<T>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        calls.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  gate.await();
                  return call.apply(index);
                }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("threads of the burst did not start");
      }
      gate.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : calls) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
