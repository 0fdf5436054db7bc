package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSourceSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingScheduleTest {

  private static final String KEY = "default/test-ping-source";

  private static PingSourceSpec spec(String schedule) {
    return PingSourceSpec.of(Destination.ofUri("http://sink.example"), schedule);
  }

  /** The next {@code count} activations after {@code from}, computed as TickScheduler does. */
  private static List<Instant> activations(PingSchedule schedule, Instant from, int count) {
    List<Instant> result = new ArrayList<>();
    ZonedDateTime at = ZonedDateTime.ofInstant(from, schedule.zone());
    for (int i = 0; i < count; i++) {
      at = schedule.cron().next(at);
      result.add(at.toInstant());
    }
    return result;
  }

  @Test
  void theWalkthroughScheduleTicksOnWholeMinutesInUtc() throws Exception {
    PingSchedule schedule = PingSchedule.of(KEY, spec("*/1 * * * *"));

    assertThat(schedule.cronSpec()).isEqualTo("*/1 * * * *");
    assertThat(schedule.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(activations(schedule, Instant.parse("2024-03-10T10:15:30.250Z"), 3))
        .containsExactly(
            Instant.parse("2024-03-10T10:16:00Z"),
            Instant.parse("2024-03-10T10:17:00Z"),
            Instant.parse("2024-03-10T10:18:00Z"));
  }

  @Test
  void sixFieldsLeadWithSeconds() throws Exception {
    PingSchedule schedule = PingSchedule.of(KEY, spec("* * * * * *"));

    assertThat(activations(schedule, Instant.parse("2024-03-10T10:15:30.250Z"), 2))
        .containsExactly(
            Instant.parse("2024-03-10T10:15:31Z"), Instant.parse("2024-03-10T10:15:32Z"));
  }

  @Test
  void aTimezoneIsPrefixedAsCronTzAndComputesInThatZone() throws Exception {
    PingSchedule schedule = PingSchedule.of(KEY, spec("0 9 * * *").withTimezone("Asia/Shanghai"));

    assertThat(schedule.cronSpec()).isEqualTo("CRON_TZ=Asia/Shanghai 0 9 * * *");
    // 09:00 in Shanghai (UTC+8) is 01:00 UTC, whatever the default zone.
    assertThat(activations(schedule, Instant.parse("2024-03-10T10:15:00Z"), 1))
        .containsExactly(Instant.parse("2024-03-11T01:00:00Z"));
  }

  @Test
  void withoutATimezoneTheScheduleReadsInUtc() throws Exception {
    PingSchedule schedule = PingSchedule.of(KEY, spec("0 9 * * *"));

    assertThat(activations(schedule, Instant.parse("2024-03-10T10:15:00Z"), 1))
        .containsExactly(Instant.parse("2024-03-11T09:00:00Z"));
    assertThat(PingSchedule.DEFAULT_ZONE).isEqualTo(ZoneId.of("Z"));
  }

  @Test
  void anUnparsableScheduleIsAClearErrorAtSpecSchedule() {
    assertThatThrownBy(() -> PingSchedule.of(KEY, spec("* * *")))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessage(
            "invalid PingSource default/test-ping-source: spec.schedule: cannot parse \"* * *\":"
                + " expected 5 to 6 fields, found 3: [* * *]")
        .extracting(e -> ((InvalidPingSourceException) e).key())
        .isEqualTo(KEY);
  }

  @Test
  void anUnknownZoneIsAClearErrorAtSpecTimezone() {
    assertThatThrownBy(() -> PingSchedule.of(KEY, spec("* * * * *").withTimezone("Mars/Olympus")))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessageStartingWith(
            "invalid PingSource default/test-ping-source: spec.timezone: cannot parse"
                + " \"CRON_TZ=Mars/Olympus * * * * *\": provided bad location Mars/Olympus");
  }
}
