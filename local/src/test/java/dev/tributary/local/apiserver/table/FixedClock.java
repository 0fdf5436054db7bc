package dev.tributary.local.apiserver.table;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test helper: the instant every table test measures ages to. */
final class FixedClock {

  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  private FixedClock() {}

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
