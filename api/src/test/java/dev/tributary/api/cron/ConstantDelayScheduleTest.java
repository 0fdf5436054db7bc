package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From robfig/cron v3.0.1's constantdelay_test.go, with delays written as Go durations. */
class ConstantDelayScheduleTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mon Jul 9 14:45 2012        | 15m50ns       | Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:59 2012        | 15m           | Mon Jul 9 15:14 2012",
        "Mon Jul 9 14:59:59 2012     | 15m           | Mon Jul 9 15:14:59 2012",
        "Mon Jul 9 15:45 2012        | 35m           | Mon Jul 9 16:20 2012",
        "Mon Jul 9 23:46 2012        | 14m           | Tue Jul 10 00:00 2012",
        "Mon Jul 9 23:45 2012        | 35m           | Tue Jul 10 00:20 2012",
        "Mon Jul 9 23:35:51 2012     | 44m24s        | Tue Jul 10 00:20:15 2012",
        "Mon Jul 9 23:35:51 2012     | 25h44m24s     | Thu Jul 11 01:20:15 2012",
        "Mon Jul 9 23:35 2012        | 2184h25m      | Tue Oct 9 00:00 2012",
        "Mon Dec 31 23:59:45 2012    | 15s           | Tue Jan 1 00:00:00 2013",
        "Mon Jul 9 14:45:00 2012     | 15ms          | Mon Jul 9 14:45:01 2012",
        "Mon Jul 9 14:45:00.005 2012 | 15m           | Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:45:00.005 2012 | 15m50ns       | Mon Jul 9 15:00 2012",
        "Mon Jul 9 14:45:00 2012     | 0s            | Mon Jul 9 14:45:01 2012",
        "Mon Jul 9 14:45:00 2012     | -5m           | Mon Jul 9 14:45:01 2012",
        "Mon Jul 9 14:45:00 2012     | 1.9s          | Mon Jul 9 14:45:01 2012",
      })
  void nextIsAfterPlusTheWholeSecondsOfTheDelay(String from, String delay, String expected)
      throws CronParseException {
    for (String zone : new String[] {"UTC", "America/New_York"}) {
      ZoneId local = ZoneId.of(zone);
      CronSchedule schedule = CronParser.STANDARD.parse("@every " + delay);
      ZonedDateTime next = schedule.next(RobfigTimes.parse(from, local));
      assertThat(next).isEqualTo(RobfigTimes.parse(expected, local));
    }
  }

  @Test
  void delayIsRoundedDownToWholeSecondsWithAMinimumOfOne() {
    assertThat(ConstantDelaySchedule.every(Duration.ofMillis(1500)).delay())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(ConstantDelaySchedule.every(Duration.ofMillis(999)).delay())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(ConstantDelaySchedule.every(Duration.ofMinutes(-1)).delay())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(ConstantDelaySchedule.every(Duration.ofHours(2).plusNanos(1)).delay())
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aZonePrefixHasNoEffectOnEvery() throws CronParseException {
    ZonedDateTime from = ZonedDateTime.parse("2024-03-10T01:59:30-05:00[America/New_York]");
    CronSchedule every = CronParser.KNATIVE.parse("TZ=Asia/Tokyo @every 1m");
    assertThat(every.next(from).toInstant()).isEqualTo(from.toInstant().plusSeconds(60));
    assertThat(every.next(from).getZone()).isEqualTo(from.getZone());
  }
}
