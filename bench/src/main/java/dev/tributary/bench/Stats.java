package dev.tributary.bench;

import java.util.Arrays;

/** Median, min and max of a few wall or CPU times, printed as {@code key=value} pairs. */
final class Stats {

  private Stats() {}

  /** {@code NAME_ms_median=... NAME_ms_min=... NAME_ms_max=...} of {@code nanos}. */
  static String millis(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "%s_ms_median=%.0f %s_ms_min=%.0f %s_ms_max=%.0f",
        name,
        sorted[sorted.length / 2] / 1e6,
        name,
        sorted[0] / 1e6,
        name,
        sorted[sorted.length - 1] / 1e6);
  }
}
