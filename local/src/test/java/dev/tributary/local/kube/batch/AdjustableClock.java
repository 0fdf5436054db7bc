package dev.tributary.local.kube.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock shifted by an offset a test may change at any time. Thread-safe. */
final class AdjustableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** From now on, {@link #instant} is the system's time shifted so that it is now {@code now}. */
  void setNow(Instant now) {
    offset = Duration.between(Instant.now(), now);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
