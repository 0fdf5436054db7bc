package dev.tributary.local.apiserver.admission.webhook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * At most one warning per key and interval: a webhook that is down fails every request that matches
 * it (on a restart of {@code up}, every controller's write until the webhook's pod is back), and
 * one line that says so, then a count, tells as much as a line per request. Thread-safe.
 */
final class WarningThrottle {

  private record Window(long startedNanos, int suppressed) {}

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new HashMap<>(); // guarded by this

  /**
   * @param interval how long after a warning the same key stays quiet
   * @param nanoTime the monotonic clock ({@code System::nanoTime})
   */
  WarningThrottle(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether to warn about {@code key} now: empty when not (the occurrence is counted), else how
   * many occurrences were kept quiet since the last warning.
   */
  synchronized OptionalInt warn(String key) {
    long now = nanoTime.getAsLong();
    Window window = windows.get(key);
    if (window != null && now - window.startedNanos() < intervalNanos) {
      windows.put(key, new Window(window.startedNanos(), window.suppressed() + 1));
      return OptionalInt.empty();
    }
    windows.put(key, new Window(now, 0));
    return OptionalInt.of(window == null ? 0 : window.suppressed());
  }
}
