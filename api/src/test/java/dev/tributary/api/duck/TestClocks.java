package dev.tributary.api.duck;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks for tests that stamp condition transition times. */
public final class TestClocks {
  private TestClocks() {}

  /** A UTC clock stopped at {@code isoInstant}, e.g. {@code "2024-05-06T07:08:09.5Z"}. */
  public static Clock fixedAt(String isoInstant) {
    return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
  }

  /** A UTC clock stopped at the epoch, for tests that do not look at transition times. */
  public static Clock epoch() {
    return Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
  }
}
