package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Activation times, from robfig/cron v3.0.1's spec_test.go (TestActivation, TestNext,
 * TestNextWithTz), plus DST cases where Go's way of resolving wall times differs from java.time's.
 * robfig's tests read plain wall times in the machine's local zone; here they run in several.
 */
class FieldScheduleTest {

  private static final String ZONES_WITHOUT_EFFECT =
      "UTC, America/New_York, Asia/Tokyo, Europe/Berlin";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Every fifteen minutes.
        "Mon Jul 9 15:00 2012 | 0/15 * * * *     | true",
        "Mon Jul 9 15:45 2012 | 0/15 * * * *     | true",
        "Mon Jul 9 15:40 2012 | 0/15 * * * *     | false",
        // Every fifteen minutes, starting at 5 minutes.
        "Mon Jul 9 15:05 2012 | 5/15 * * * *     | true",
        "Mon Jul 9 15:20 2012 | 5/15 * * * *     | true",
        "Mon Jul 9 15:50 2012 | 5/15 * * * *     | true",
        // Named months.
        "Sun Jul 15 15:00 2012 | 0/15 * * Jul *  | true",
        "Sun Jul 15 15:00 2012 | 0/15 * * Jun *  | false",
        // Everything set.
        "Sun Jul 15 08:30 2012 | 30 08 ? Jul Sun | true",
        "Sun Jul 15 08:30 2012 | 30 08 15 Jul ?  | true",
        "Mon Jul 16 08:30 2012 | 30 08 ? Jul Sun | false",
        "Mon Jul 16 08:30 2012 | 30 08 15 Jul ?  | false",
        // Predefined schedules.
        "Mon Jul 9 15:00 2012 | @hourly          | true",
        "Mon Jul 9 15:04 2012 | @hourly          | false",
        "Mon Jul 9 15:00 2012 | @daily           | false",
        "Mon Jul 9 00:00 2012 | @daily           | true",
        "Mon Jul 9 00:00 2012 | @weekly          | false",
        "Sun Jul 8 00:00 2012 | @weekly          | true",
        "Sun Jul 8 01:00 2012 | @weekly          | false",
        "Sun Jul 8 00:00 2012 | @monthly         | false",
        "Sun Jul 1 00:00 2012 | @monthly         | true",
        // Day-of-month and day-of-week both restricted: either may match.
        "Sun Jul 15 00:00 2012 | * * 1,15 * Sun  | true",
        "Fri Jun 15 00:00 2012 | * * 1,15 * Sun  | true",
        "Wed Aug 1 00:00 2012  | * * 1,15 * Sun  | true",
        "Sun Jul 15 00:00 2012 | * * */10 * Sun  | true",
        // One of them a star: both must match.
        "Sun Jul 15 00:00 2012 | * * * * Mon     | false",
        "Mon Jul 9 00:00 2012  | * * 1,15 * *    | false",
        "Sun Jul 15 00:00 2012 | * * 1,15 * *    | true",
        "Sun Jul 15 00:00 2012 | * * */2 * Sun   | true",
      })
  void activatesExactlyWhereRobfigDoes(String time, String spec, boolean expected)
      throws CronParseException {
    for (String zone : ZONES_WITHOUT_EFFECT.split(", ")) {
      ZonedDateTime at = RobfigTimes.parse(time, ZoneId.of(zone));
      ZonedDateTime next = CronParser.STANDARD.parse(spec).next(at.minusSeconds(1));
      assertThat(next != null && at.isEqual(next))
          .as("%s at %s in %s", spec, time, zone)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Simple cases.
        "Mon Jul 9 14:45 2012    | 0 0/15 * * * *  | Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59 2012    | 0 0/15 * * * *  | Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59:59 2012 | 0 0/15 * * * *  | Mon Jul 9 15:00 2012",
        // Wrap around hours.
        "Mon Jul 9 15:45 2012 | 0 20-35/15 * * * * | Mon Jul 9 16:20 2012",
        // Wrap around days.
        "Mon Jul 9 23:46 2012    | 0 */15 * * * *             | Tue Jul 10 00:00 2012",
        "Mon Jul 9 23:45 2012    | 0 20-35/15 * * * *         | Tue Jul 10 00:20 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 * * * *     | Tue Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 1/2 * * *   | Tue Jul 10 01:20:15 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 10-12 * * * | Tue Jul 10 10:20:15 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 1/2 */2 * * | Thu Jul 11 01:20:15 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 * 9-20 * *  | Wed Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012 | 15/35 20-35/15 * 9-20 Jul * | Wed Jul 10 00:20:15 2012",
        // Wrap around months.
        "Mon Jul 9 23:35 2012 | 0 0 0 9 Apr-Oct ?          | Thu Aug 9 00:00 2012",
        "Mon Jul 9 23:35 2012 | 0 0 0 */5 Apr,Aug,Oct Mon  | Tue Aug 1 00:00 2012",
        "Mon Jul 9 23:35 2012 | 0 0 0 */5 Oct Mon          | Mon Oct 1 00:00 2012",
        // Wrap around years.
        "Mon Jul 9 23:35 2012 | 0 0 0 * Feb Mon   | Mon Feb 4 00:00 2013",
        "Mon Jul 9 23:35 2012 | 0 0 0 * Feb Mon/2 | Fri Feb 1 00:00 2013",
        // Wrap around minute, hour, day, month, and year.
        "Mon Dec 31 23:59:45 2012 | 0 * * * * * | Tue Jan 1 00:00:00 2013",
        // Leap year.
        "Mon Jul 9 23:35 2012 | 0 0 0 29 Feb ? | Mon Feb 29 00:00 2016",
        // Unsatisfiable.
        "Mon Jul 9 23:35 2012 | 0 0 0 30 Feb ? | ''",
        "Mon Jul 9 23:35 2012 | 0 0 0 31 Apr ? | ''",
      })
  void nextInTheCallersZone(String from, String spec, String expected) throws CronParseException {
    for (String zone : ZONES_WITHOUT_EFFECT.split(", ")) {
      ZoneId local = ZoneId.of(zone);
      assertNext(spec, RobfigTimes.parse(from, local), RobfigTimes.parse(expected, local));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Spring forward in New York: 2am EST (-5) -> 3am EDT (-4).
        "2012-03-11T00:00:00-0500 | TZ=America/New_York 0 30 2 11 Mar ? | 2013-03-11T02:30:00-0400",
        // hourly job
        "2012-03-11T00:00:00-0500 | TZ=America/New_York 0 0 * * * ? | 2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500 | TZ=America/New_York 0 0 * * * ? | 2012-03-11T03:00:00-0400",
        "2012-03-11T03:00:00-0400 | TZ=America/New_York 0 0 * * * ? | 2012-03-11T04:00:00-0400",
        "2012-03-11T04:00:00-0400 | TZ=America/New_York 0 0 * * * ? | 2012-03-11T05:00:00-0400",
        // hourly job using CRON_TZ
        "2012-03-11T00:00:00-0500 | CRON_TZ=America/New_York 0 0 * * * ? | 2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500 | CRON_TZ=America/New_York 0 0 * * * ? | 2012-03-11T03:00:00-0400",
        "2012-03-11T03:00:00-0400 | CRON_TZ=America/New_York 0 0 * * * ? | 2012-03-11T04:00:00-0400",
        "2012-03-11T04:00:00-0400 | CRON_TZ=America/New_York 0 0 * * * ? | 2012-03-11T05:00:00-0400",
        // 1am nightly job
        "2012-03-11T00:00:00-0500 | TZ=America/New_York 0 0 1 * * ? | 2012-03-11T01:00:00-0500",
        "2012-03-11T01:00:00-0500 | TZ=America/New_York 0 0 1 * * ? | 2012-03-12T01:00:00-0400",
        // 2am nightly job (skipped)
        "2012-03-11T00:00:00-0500 | TZ=America/New_York 0 0 2 * * ? | 2012-03-12T02:00:00-0400",
        // Fall back in New York: 2am EDT (-4) -> 1am EST (-5).
        "2012-11-04T00:00:00-0400 | TZ=America/New_York 0 30 2 04 Nov ? | 2012-11-04T02:30:00-0500",
        "2012-11-04T01:45:00-0400 | TZ=America/New_York 0 30 1 04 Nov ? | 2012-11-04T01:30:00-0500",
        // hourly job
        "2012-11-04T00:00:00-0400 | TZ=America/New_York 0 0 * * * ? | 2012-11-04T01:00:00-0400",
        "2012-11-04T01:00:00-0400 | TZ=America/New_York 0 0 * * * ? | 2012-11-04T01:00:00-0500",
        "2012-11-04T01:00:00-0500 | TZ=America/New_York 0 0 * * * ? | 2012-11-04T02:00:00-0500",
        // 1am nightly job (runs twice)
        "2012-11-04T00:00:00-0400 | TZ=America/New_York 0 0 1 * * ? | 2012-11-04T01:00:00-0400",
        "2012-11-04T01:00:00-0400 | TZ=America/New_York 0 0 1 * * ? | 2012-11-04T01:00:00-0500",
        "2012-11-04T01:00:00-0500 | TZ=America/New_York 0 0 1 * * ? | 2012-11-05T01:00:00-0500",
        // 2am nightly job
        "2012-11-04T00:00:00-0400 | TZ=America/New_York 0 0 2 * * ? | 2012-11-04T02:00:00-0500",
        "2012-11-04T02:00:00-0500 | TZ=America/New_York 0 0 2 * * ? | 2012-11-05T02:00:00-0500",
        // 3am nightly job
        "2012-11-04T00:00:00-0400 | TZ=America/New_York 0 0 3 * * ? | 2012-11-04T03:00:00-0500",
        "2012-11-04T03:00:00-0500 | TZ=America/New_York 0 0 3 * * ? | 2012-11-05T03:00:00-0500",
        // The same, with the caller's time (not the schedule) in New York.
        "TZ=America/New_York 2012-11-04T00:00:00-0400 | 0 0 * * * ? | 2012-11-04T01:00:00-0400",
        "TZ=America/New_York 2012-11-04T01:00:00-0400 | 0 0 * * * ? | 2012-11-04T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T01:00:00-0500 | 0 0 * * * ? | 2012-11-04T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400 | 0 0 1 * * ? | 2012-11-04T01:00:00-0400",
        "TZ=America/New_York 2012-11-04T01:00:00-0400 | 0 0 1 * * ? | 2012-11-04T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T01:00:00-0500 | 0 0 1 * * ? | 2012-11-05T01:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400 | 0 0 2 * * ? | 2012-11-04T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T02:00:00-0500 | 0 0 2 * * ? | 2012-11-05T02:00:00-0500",
        "TZ=America/New_York 2012-11-04T00:00:00-0400 | 0 0 3 * * ? | 2012-11-04T03:00:00-0500",
        "TZ=America/New_York 2012-11-04T03:00:00-0500 | 0 0 3 * * ? | 2012-11-05T03:00:00-0500",
        // Monthly job
        "TZ=America/New_York 2012-11-04T00:00:00-0400 | 0 0 3 3 * ? | 2012-12-03T03:00:00-0500",
        // Midnight does not exist on a DST day (robfig issue #157).
        "2018-10-17T05:00:00-0400 | TZ=America/Sao_Paulo 0 0 9 10 * ? | 2018-11-10T06:00:00-0500",
        "2018-02-14T05:00:00-0500 | TZ=America/Sao_Paulo 0 0 9 22 * ? | 2018-02-22T07:00:00-0500",
      })
  void nextAcrossDaylightSavingChanges(String from, String spec, String expected)
      throws CronParseException {
    ZoneId local = ZoneId.of("Asia/Tokyo"); // irrelevant: every case names its zones
    assertNext(spec, RobfigTimes.parse(from, local), RobfigTimes.parse(expected, local));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2016-01-03T13:09:03+0530 | 14 14 * * * | 2016-01-03T14:14:00+0530",
        "2016-01-03T04:09:03+0530 | 14 14 * * ? | 2016-01-03T14:14:00+0530",
        "2016-01-03T14:09:03+0530 | 14 14 * * * | 2016-01-03T14:14:00+0530",
        "2016-01-03T14:00:00+0530 | 14 14 * * ? | 2016-01-03T14:14:00+0530",
      })
  void computesInTheZoneOfTheGivenTime(String from, String spec, String expected)
      throws CronParseException {
    ZoneId plusFiveThirty = ZoneOffset.ofHoursMinutes(5, 30);
    ZonedDateTime next =
        CronParser.STANDARD.parse(spec).next(RobfigTimes.parse(from, plusFiveThirty));
    assertThat(next).isEqualTo(RobfigTimes.parse(expected, plusFiveThirty));
  }

  /**
   * Go resolves a wall time in a gap or an overlap as {@code L - offsetAt(L - offsetAt(L))}. Where
   * robfig lands on such a time directly (the month and day loops reset the clock to midnight, the
   * hour loop to the hour), the result follows Go, not java.time: for zones east of UTC, a repeated
   * hour resolves to its later occurrence.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Berlin falls back at 03:00 CEST -> 02:00 CET on 2012-10-28. From the previous day the
        // day loop resets to midnight, the hour loop then walks absolute hours: 02:00 CEST first.
        "2012-10-27T12:00:00+0200 | TZ=Europe/Berlin 0 30 2 * * * | 2012-10-28T02:30:00+0200",
        // Starting inside the repeated hour's first pass, the hour matches at once; no reset.
        "2012-10-28T02:10:00+0200 | TZ=Europe/Berlin 0 30 2 * * * | 2012-10-28T02:30:00+0200",
        // After the first 02:30 the next match is the repeated one, then the next day.
        "2012-10-28T02:30:00+0200 | TZ=Europe/Berlin 0 30 2 * * * | 2012-10-28T02:30:00+0100",
        "2012-10-28T02:30:00+0100 | TZ=Europe/Berlin 0 30 2 * * * | 2012-10-29T02:30:00+0100",
        // From 01:59:59 CEST the next second is the first 02:00.
        "2012-10-28T01:59:59+0200 | TZ=Europe/Berlin 0 0 * * * * | 2012-10-28T02:00:00+0200",
        // From inside the first 02:xx, when hour 2 does not match.
        "2012-10-28T02:20:00+0200 | TZ=Europe/Berlin 0 0 3 * * * | 2012-10-28T03:00:00+0100",
        "2012-10-28T02:20:00+0200 | TZ=Europe/Berlin 0 0 * * * * | 2012-10-28T02:00:00+0100",
        // Sydney springs forward at 02:00 -> 03:00 on 2012-10-07: 02:30 does not exist that day.
        "2012-10-06T12:00:00+1000 | TZ=Australia/Sydney 0 30 2 * * * | 2012-10-08T02:30:00+1100",
        // Sao Paulo skipped midnight on 2018-11-04. Go resolves that 00:00 to 23:00 the day
        // before; robfig then adds an hour and lands on 01:00 of the 4th, which matches. With
        // java.time's resolution (01:00, minus an hour) the 4th would be skipped until 2019.
        "2018-10-17T05:00:00-0400 | TZ=America/Sao_Paulo 0 0 23 4 Nov ? | 2018-11-04T23:00:00-0200",
      })
  void resolvesWallTimesTheWayGoDoes(String from, String spec, String expected)
      throws CronParseException {
    assertNext(
        spec, RobfigTimes.parse(from, ZoneOffset.UTC), RobfigTimes.parse(expected, ZoneOffset.UTC));
  }

  @Test
  void resultIsInTheCallersZoneWhateverZoneItComputesIn() throws CronParseException {
    ZonedDateTime from = ZonedDateTime.parse("2024-01-01T00:00:30+01:00[Europe/Paris]");
    ZonedDateTime next = CronParser.KNATIVE.parse("CRON_TZ=Asia/Tokyo 0 0 9 * * *").next(from);
    assertThat(next.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(next.toInstant())
        .isEqualTo(ZonedDateTime.parse("2024-01-01T09:00:00+09:00").toInstant());
  }

  @Test
  void localPrefixMeansTheCallersZone() throws CronParseException {
    ZonedDateTime from = ZonedDateTime.parse("2024-01-01T00:00:30-05:00[America/New_York]");
    ZonedDateTime withLocal = CronParser.KNATIVE.parse("TZ=Local 0 9 * * *").next(from);
    ZonedDateTime withoutPrefix = CronParser.KNATIVE.parse("0 9 * * *").next(from);
    assertThat(withLocal)
        .isEqualTo(withoutPrefix)
        .isEqualTo(from.withHour(9).withMinute(0).withSecond(0));
  }

  @Test
  void startsAtTheNextWholeSecond() throws CronParseException {
    CronSchedule everySecond = CronParser.KNATIVE.parse("* * * * * *");
    ZonedDateTime from = ZonedDateTime.parse("2024-05-01T10:00:00.999999999Z");
    assertThat(everySecond.next(from)).isEqualTo(ZonedDateTime.parse("2024-05-01T10:00:01Z"));
    assertThat(everySecond.next(from.withNano(0)))
        .isEqualTo(ZonedDateTime.parse("2024-05-01T10:00:01Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {", * * * *", "0 , * * *", "0 0 , * *", "0 0 * , *", "0 0 , * ,", "0 0 * * ,"})
  void aFieldMatchingNothingNeverFires(String spec) throws CronParseException {
    ZonedDateTime from = ZonedDateTime.parse("2024-05-01T10:00:00Z");
    assertThat(CronParser.STANDARD.parse(spec).next(from)).isNull();
  }

  @Test
  void aRestrictedDayOfMonthStillFiresOnTheDaysOfWeekWhenTheyAreRestrictedToo()
      throws CronParseException {
    // dom matches nothing, but without a star the days combine with OR: Mondays still fire.
    ZonedDateTime from = ZonedDateTime.parse("2024-05-01T10:00:00Z"); // a Wednesday
    assertThat(CronParser.STANDARD.parse("0 0 , * mon").next(from))
        .isEqualTo(ZonedDateTime.parse("2024-05-06T00:00:00Z"));
  }

  @Test
  void givesUpAfterFiveYearsLikeRobfig() throws CronParseException {
    // 2100 is not a leap year: after 2096-02-29 the next leap day is 2104-02-29. robfig stops
    // at the first year boundary past (start year + 5).
    CronSchedule leapDay = CronParser.STANDARD.parse("0 0 29 Feb ?");
    assertThat(leapDay.next(ZonedDateTime.parse("2095-03-01T00:00:00Z")))
        .isEqualTo(ZonedDateTime.parse("2096-02-29T00:00:00Z"));
    assertThat(leapDay.next(ZonedDateTime.parse("2099-01-01T00:00:00Z")))
        .isEqualTo(ZonedDateTime.parse("2104-02-29T00:00:00Z"));
    assertThat(leapDay.next(ZonedDateTime.parse("2098-12-31T23:00:00Z"))).isNull();
  }

  private static void assertNext(String spec, ZonedDateTime from, ZonedDateTime expected)
      throws CronParseException {
    ZonedDateTime actual = CronParser.KNATIVE.parse(spec).next(from);
    if (expected == null) {
      assertThat(actual).as("%s from %s", spec, from).isNull();
    } else {
      assertThat(actual).as("%s from %s", spec, from).isNotNull();
      assertThat(actual.toInstant()).as("%s from %s", spec, from).isEqualTo(expected.toInstant());
      assertThat(actual.getZone()).isEqualTo(from.getZone());
    }
  }
}
