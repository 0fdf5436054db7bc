package dev.tributary.local.kubelet;

import java.time.Duration;

/**
 * The kubelet's crash-loop back-off: {@code initial} after the first failure, doubling after each
 * further one, never above {@code max}. Pure and immutable.
 */
record BackOff(Duration initial, Duration max) {

  /** The delay before restart number {@code restarts + 1} (0 for the first restart's delay). */
  Duration delay(int restarts) {
    Duration delay = initial;
    for (int i = 0; i < restarts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
