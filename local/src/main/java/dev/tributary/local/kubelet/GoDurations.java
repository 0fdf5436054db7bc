package dev.tributary.local.kubelet;

import java.time.Duration;

/**
 * Go's {@code time.Duration.String()} for whole seconds ({@code 10s}, {@code 1m20s}, {@code 5m0s}).
 */
final class GoDurations {
  private GoDurations() {}

  static String format(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + "s";
    }
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    return (hours > 0 ? hours + "h" : "") + minutes + "m" + rest + "s";
  }
}
