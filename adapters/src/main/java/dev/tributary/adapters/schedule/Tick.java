package dev.tributary.adapters.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One activation of a scheduled entry.
 *
 * @param key the key the entry was scheduled under (for a PingSource, {@code namespace/name})
 * @param scheduledTime the activation the schedule computed, not the moment the tick was delivered
 *     (a whole second for cron schedules). Stable across late deliveries, so it can be part of a
 *     deterministic event id.
 */
public record Tick(String key, Instant scheduledTime) {

  public Tick {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scheduledTime, "scheduledTime");
  }
}
