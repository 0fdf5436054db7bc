package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.cron.CronParser;
import dev.tributary.api.cron.CronSchedule;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.RecordingLogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which ticks a new leader sends for a source, from its checkpoint's claimed tick. */
class BucketLeaderCatchUpTest {

  static final Instant NOW = Instant.parse("2026-11-29T17:00:10.300Z");

  BucketLeader leader =
      new BucketLeader(
          "bucket",
          null,
          null,
          Clock.fixed(NOW, ZoneOffset.UTC),
          new BucketLeader.CatchUp(Duration.ofSeconds(5), 3),
          Duration.ofMillis(200),
          new KvLog(new RecordingLogSink()));

  @AfterEach
  void stop() {
    leader.stop();
  }

  static CronSchedule cron(String spec) throws Exception {
    return CronParser.KNATIVE.parse(spec);
  }

  @Test
  void sendsTheTicksAfterTheClaimedOneUpToNow() throws Exception {
    assertThat(
            leader.missed(
                cron("*/1 * * * * *"), ZoneOffset.UTC, Instant.parse("2026-11-29T17:00:08Z"), NOW))
        .containsExactly(
            Instant.parse("2026-11-29T17:00:09Z"), Instant.parse("2026-11-29T17:00:10Z"));
  }

  @Test
  void nothingWhenTheClaimedTickIsTheLatest() throws Exception {
    assertThat(
            leader.missed(
                cron("*/1 * * * * *"), ZoneOffset.UTC, Instant.parse("2026-11-29T17:00:10Z"), NOW))
        .isEmpty();
  }

  @Test
  void atMostTheLatestTicksWithinTheWindow() throws Exception {
    // Window 5 s: 17:00:05.3 onwards, i.e. :06 to :10; at most 3, the latest.
    assertThat(
            leader.missed(
                cron("*/1 * * * * *"), ZoneOffset.UTC, Instant.parse("2026-11-29T16:00:00Z"), NOW))
        .containsExactly(
            Instant.parse("2026-11-29T17:00:08Z"),
            Instant.parse("2026-11-29T17:00:09Z"),
            Instant.parse("2026-11-29T17:00:10Z"));
  }

  @Test
  void theDefaultWindowCoversAMinuteScheduleWhoseLeaderJustDied() throws Exception {
    BucketLeader.CatchUp defaults = BucketLeader.CatchUp.forLease(Duration.ofSeconds(15));
    assertThat(defaults.window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(BucketLeader.CatchUp.forLease(Duration.ofSeconds(60)).window())
        .isEqualTo(Duration.ofMinutes(2));
    BucketLeader withDefaults =
        new BucketLeader(
            "bucket",
            null,
            null,
            Clock.fixed(NOW, ZoneOffset.UTC),
            defaults,
            Duration.ofMillis(200),
            new KvLog(new RecordingLogSink()));
    try {
      assertThat(
              withDefaults.missed(
                  cron("* * * * *"), ZoneOffset.UTC, Instant.parse("2026-11-29T16:59:00Z"), NOW))
          .containsExactly(Instant.parse("2026-11-29T17:00:00Z"));
      assertThat(
              withDefaults.missed(
                  cron("* * * * *"), ZoneOffset.UTC, Instant.parse("2026-11-29T16:00:00Z"), NOW))
          .as("ticks older than the window are not sent")
          .containsExactly(Instant.parse("2026-11-29T17:00:00Z"));
    } finally {
      withDefaults.stop();
    }
  }
}
