package dev.tributary.controller;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key exponential backoff, as client-go's {@code ItemExponentialFailureRateLimiter}: the n-th
 * consecutive failure of a key waits {@code base * 2^(n-1)}, capped at {@code max}, until the key
 * is {@linkplain #forget forgotten}. Thread-safe.
 */
public final class ExponentialBackoff<K> {

  private final Duration base;
  private final Duration max;
  private final Map<K, Integer> failures = new HashMap<>();

  public ExponentialBackoff(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + ", " + max);
    }
    this.base = base;
    this.max = max;
  }

  /** client-go's default for controllers: 5 ms doubling up to 1000 s. */
  public static <K> ExponentialBackoff<K> controllerDefault() {
    return new ExponentialBackoff<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
  }

  /** Counts one more failure of {@code key} and returns how long it should wait. */
  public synchronized Duration next(K key) {
    int n = failures.merge(key, 1, Integer::sum);
    // Past 2^62 nanoseconds every delay is capped anyway; avoid overflowing the shift.
    int exponent = Math.min(n - 1, 62);
    long factor = 1L << exponent;
    long baseNanos = base.toNanos();
    if (baseNanos > max.toNanos() / factor) {
      return max;
    }
    return Duration.ofNanos(baseNanos * factor);
  }

  /** How many consecutive failures {@code key} has had since it was last forgotten. */
  public synchronized int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  /** Resets {@code key}'s failures: its next failure waits {@code base} again. */
  public synchronized void forget(K key) {
    failures.remove(key);
  }
}
