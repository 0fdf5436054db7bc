package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoWallClockTest {

  /** Go's time.Date on wall times that do not exist or exist twice, and on overflowing fields. */
  @ParameterizedTest
  @CsvSource({
    // West of UTC, a missing time moves back by the gap, a repeated one takes the first.
    "America/New_York, 2012, 3, 11, 2, 30, 2012-03-11T06:30:00Z",
    "America/New_York, 2012, 11, 4, 1, 30, 2012-11-04T05:30:00Z",
    // East of UTC, a missing time moves forward, a repeated one takes the second.
    "Europe/Berlin, 2012, 3, 25, 2, 30, 2012-03-25T01:30:00Z",
    "Europe/Berlin, 2012, 10, 28, 2, 30, 2012-10-28T01:30:00Z",
    // Zero offset on one side: Go keeps the wall time as UTC.
    "Europe/London, 2012, 3, 25, 1, 30, 2012-03-25T01:30:00Z",
    "Europe/London, 2012, 10, 28, 1, 30, 2012-10-28T01:30:00Z",
    // Ordinary times, and fields that overflow into the next month or year.
    "Asia/Tokyo, 2012, 7, 9, 12, 0, 2012-07-09T03:00:00Z",
    "UTC, 2012, 13, 1, 0, 0, 2013-01-01T00:00:00Z",
    "UTC, 2012, 1, 32, 0, 0, 2012-02-01T00:00:00Z",
    "UTC, 2012, 2, 30, 0, 0, 2012-03-01T00:00:00Z",
  })
  void resolvesWallTimesLikeGosDate(
      String zone, int year, int month, int day, int hour, int minute, String expected) {
    GoWallClock clock = new GoWallClock(Instant.EPOCH, ZoneId.of(zone));
    clock.setDate(year, month, day, hour, minute, 0);
    assertThat(clock.instant()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "2012-01-31T10:00:00Z, 0, 1, 0, 2012-03-02T10:00:00Z",
    "2012-12-15T10:00:00Z, 0, 1, 0, 2013-01-15T10:00:00Z",
    "2012-02-28T10:00:00Z, 0, 0, 1, 2012-02-29T10:00:00Z",
  })
  void addDateKeepsTheWallClockAndNormalisesLikeGo(
      String from, int years, int months, int days, String expected) {
    GoWallClock clock = new GoWallClock(Instant.parse(from), ZoneId.of("UTC"));
    clock.addDate(years, months, days);
    assertThat(clock.instant()).isEqualTo(Instant.parse(expected));
  }
}
