package org.opengms.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a bound, instead of sleeping a fixed time. */
public final class Conditions {

  private Conditions() {}

  public static void await(String what, Duration bound, BooleanSupplier condition) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not reached within " + bound + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what);
      }
    }
  }
}
