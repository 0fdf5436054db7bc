package dev.tributary.api.cron;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;

/**
 * A point in time seen in one zone, moved the way Go's {@code time.Time} moves. robfig/cron's
 * {@code Next} is written in terms of Go's {@code time.Date}, {@code AddDate}, {@code Add} and
 * {@code Truncate}; to reach its activation times on DST days, this class reproduces them:
 *
 * <ul>
 *   <li>{@link #add} and {@link #truncate} work on the absolute instant.
 *   <li>{@link #setDate} and {@link #addDate} build a wall-clock time and resolve it to an instant
 *       Go's way: with {@code L} the wall time read as if it were UTC, the result is {@code L -
 *       offsetAt(L - offsetAt(L))}. In a gap or an overlap that is not always what {@link
 *       ZonedDateTime#of} picks (for New York, 02:30 on the spring-forward day becomes 01:30 EST,
 *       not 03:30 EDT; for Berlin, 02:30 on the fall-back day becomes the later, CET, one).
 * </ul>
 *
 * Not thread-safe; one instance serves one {@code next} computation.
 */
final class GoWallClock {

  private final ZoneId zone;
  private final ZoneRules rules;
  private Instant instant;
  private ZonedDateTime view;

  GoWallClock(Instant instant, ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    moveTo(instant);
  }

  Instant instant() {
    return instant;
  }

  int year() {
    return view.getYear();
  }

  int month() {
    return view.getMonthValue();
  }

  int day() {
    return view.getDayOfMonth();
  }

  /** Go's weekday numbering: Sunday is 0. */
  int weekday() {
    DayOfWeek dow = view.getDayOfWeek();
    return dow.getValue() % 7;
  }

  int hour() {
    return view.getHour();
  }

  int minute() {
    return view.getMinute();
  }

  int second() {
    return view.getSecond();
  }

  int nano() {
    return view.getNano();
  }

  /** Go's {@code t.Add(seconds * time.Second)}. */
  void add(long seconds) {
    moveTo(instant.plusSeconds(seconds));
  }

  /** Go's {@code t.Truncate(unitSeconds * time.Second)}: floors the instant, not the wall time. */
  void truncate(long unitSeconds) {
    moveTo(
        Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), unitSeconds) * unitSeconds));
  }

  /** Go's {@code time.Date(year, month, day, hour, min, sec, 0, zone)}; fields may overflow. */
  void setDate(int year, int month, int day, int hour, int minute, int second) {
    setDate(year, month, day, hour, minute, second, 0);
  }

  /** Go's {@code t.AddDate(years, months, days)}: the same wall clock, on another date. */
  void addDate(int years, int months, int days) {
    setDate(year() + years, month() + months, day() + days, hour(), minute(), second(), nano());
  }

  private void setDate(int year, int month, int day, int hour, int minute, int second, int nano) {
    // Go normalises overflowing fields by carrying: month 13 is January of the next year,
    // day 32 of January is February 1st.
    LocalDateTime wall =
        LocalDate.of(year, 1, 1)
            .plusMonths(month - 1L)
            .plusDays(day - 1L)
            .atStartOfDay()
            .plusHours(hour)
            .plusMinutes(minute)
            .plusSeconds(second)
            .plusNanos(nano);
    long asIfUtc = wall.toEpochSecond(ZoneOffset.UTC);
    int firstGuess = offsetSecondsAt(asIfUtc);
    int offset = offsetSecondsAt(asIfUtc - firstGuess);
    moveTo(Instant.ofEpochSecond(asIfUtc - offset, nano));
  }

  private int offsetSecondsAt(long epochSecond) {
    return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  private void moveTo(Instant newInstant) {
    this.instant = newInstant;
    this.view = ZonedDateTime.ofInstant(newInstant, zone);
  }
}
