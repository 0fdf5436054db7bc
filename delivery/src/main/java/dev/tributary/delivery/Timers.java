package dev.tributary.delivery;

import java.time.Duration;

/** Converts durations to the whole milliseconds Vert.x timers take. */
final class Timers {

  private Timers() {}

  /** {@code d} in milliseconds, rounded up so a sub-millisecond wait still waits; at least 1. */
  static long millis(Duration d) {
    long millis;
    try {
      millis = d.toMillis();
      if (d.minusMillis(millis).isPositive()) {
        millis = Math.addExact(millis, 1);
      }
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, millis);
  }
}
