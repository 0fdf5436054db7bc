package dev.tributary.api.cron;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code @every <duration>} (robfig/cron's {@code ConstantDelaySchedule}): activations a fixed
 * whole number of seconds apart, counted from the time passed to {@link #next} with its fraction of
 * a second dropped. It has no zone: a {@code TZ=} prefix before {@code @every} is checked and then
 * has no effect, as in robfig.
 *
 * @param delay a whole number of seconds, at least one; use {@link #every} to build it from any
 *     duration
 */
record ConstantDelaySchedule(Duration delay) implements CronSchedule {

  ConstantDelaySchedule {
    if (delay.getNano() != 0 || delay.getSeconds() < 1) {
      throw new IllegalArgumentException("delay must be a whole number of seconds >= 1: " + delay);
    }
  }

  /** robfig's {@code Every}: under a second becomes one second, else rounded down to the second. */
  static ConstantDelaySchedule every(Duration duration) {
    return new ConstantDelaySchedule(Duration.ofSeconds(Math.max(1, duration.getSeconds())));
  }

  @Override
  public ZonedDateTime next(ZonedDateTime after) {
    Instant next = after.toInstant().plus(delay).truncatedTo(ChronoUnit.SECONDS);
    return ZonedDateTime.ofInstant(next, after.getZone());
  }
}
