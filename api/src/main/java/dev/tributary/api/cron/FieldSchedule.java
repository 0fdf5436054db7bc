package dev.tributary.api.cron;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A crontab schedule held as one bit set per field (robfig/cron's {@code SpecSchedule}): bit {@code
 * n} is set when value {@code n} matches, and {@link #STAR_BIT} records that the field was written
 * as {@code *} or {@code ?}, which decides how day-of-month and day-of-week combine.
 *
 * @param zone the zone of a {@code TZ=}/{@code CRON_TZ=} prefix, or null to compute in the zone of
 *     the time passed to {@link #next}
 */
record FieldSchedule(
    long seconds,
    long minutes,
    long hours,
    long daysOfMonth,
    long months,
    long daysOfWeek,
    ZoneId zone)
    implements CronSchedule {

  /** Set in a field's bits when the field was {@code *} or {@code ?} (with no step above 1). */
  static final long STAR_BIT = 1L << 63;

  /** robfig gives up, and returns Go's zero time, after searching this many years ahead. */
  private static final int YEARS_SEARCHED = 5;

  /**
   * robfig/cron v3's {@code SpecSchedule.Next}, step for step, so that the activation times agree
   * on DST days too: in a spring-forward gap a wall time that does not exist is skipped, and in a
   * fall-back overlap an hourly or minutely schedule fires in both repetitions of the hour.
   */
  @Override
  public ZonedDateTime next(ZonedDateTime after) {
    if (!canEverMatch()) {
      return null; // what robfig finds too, after walking five years
    }
    ZoneId loc = zone != null ? zone : after.getZone();
    GoWallClock t = new GoWallClock(after.toInstant(), loc);
    // Start at the earliest possible time: the next whole second.
    t.add(1);
    t.truncate(1);
    boolean added = false;
    int yearLimit = t.year() + YEARS_SEARCHED;

    wrap:
    while (true) {
      if (t.year() > yearLimit) {
        return null;
      }

      while (!has(months, t.month())) {
        if (!added) {
          added = true;
          t.setDate(t.year(), t.month(), 1, 0, 0, 0);
        }
        t.addDate(0, 1, 0);
        if (t.month() == 1) {
          continue wrap;
        }
      }

      while (!dayMatches(t)) {
        if (!added) {
          added = true;
          t.setDate(t.year(), t.month(), t.day(), 0, 0, 0);
        }
        t.addDate(0, 0, 1);
        // Where midnight does not exist (a DST change at 00:00), land on the hour around it.
        if (t.hour() != 0) {
          t.add(t.hour() > 12 ? (24L - t.hour()) * 3600 : -t.hour() * 3600L);
        }
        if (t.day() == 1) {
          continue wrap;
        }
      }

      while (!has(hours, t.hour())) {
        if (!added) {
          added = true;
          t.setDate(t.year(), t.month(), t.day(), t.hour(), 0, 0);
        }
        t.add(3600);
        if (t.hour() == 0) {
          continue wrap;
        }
      }

      while (!has(minutes, t.minute())) {
        if (!added) {
          added = true;
          t.truncate(60);
        }
        t.add(60);
        if (t.minute() == 0) {
          continue wrap;
        }
      }

      while (!has(seconds, t.second())) {
        if (!added) {
          added = true;
          t.truncate(1);
        }
        t.add(1);
        if (t.second() == 0) {
          continue wrap;
        }
      }

      return ZonedDateTime.ofInstant(t.instant(), after.getZone());
    }
  }

  private boolean dayMatches(GoWallClock t) {
    boolean domMatch = has(daysOfMonth, t.day());
    boolean dowMatch = has(daysOfWeek, t.weekday());
    if ((daysOfMonth & STAR_BIT) != 0 || (daysOfWeek & STAR_BIT) != 0) {
      return domMatch && dowMatch;
    }
    return domMatch || dowMatch;
  }

  /**
   * False when some field matches nothing (robfig accepts a field of only commas), so {@link #next}
   * can answer at once instead of walking five years second by second to the same answer.
   */
  private boolean canEverMatch() {
    if (values(seconds) == 0 || values(minutes) == 0 || values(hours) == 0) {
      return false;
    }
    if (values(months) == 0) {
      return false;
    }
    boolean star = ((daysOfMonth | daysOfWeek) & STAR_BIT) != 0;
    return star
        ? values(daysOfMonth) != 0 && values(daysOfWeek) != 0
        : (values(daysOfMonth) | values(daysOfWeek)) != 0;
  }

  private static long values(long bits) {
    return bits & ~STAR_BIT;
  }

  private static boolean has(long bits, int value) {
    return (bits & (1L << value)) != 0;
  }
}
