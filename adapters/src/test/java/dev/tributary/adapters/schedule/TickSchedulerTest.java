package dev.tributary.adapters.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.cron.CronParseException;
import dev.tributary.api.cron.CronParser;
import dev.tributary.api.cron.CronSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the due-tick step with a fixed clock: no thread, no waiting. */
class TickSchedulerTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.300Z");

  private final List<Tick> delivered = new ArrayList<>();
  private final Consumer<Tick> record = delivered::add;
  private final TickScheduler scheduler =
      new TickScheduler(Clock.fixed(T0, UTC), TickScheduler.DEFAULT_MAX_SLEEP);

  @AfterEach
  void closeScheduler() {
    scheduler.close();
  }

  private static CronSchedule cron(String spec) {
    try {
      return CronParser.KNATIVE.parse(spec);
    } catch (CronParseException e) {
      throw new AssertionError(e);
    }
  }

  private static Instant at(String hhmmss) {
    return Instant.parse("2024-05-01T" + hhmmss + "Z");
  }

  private static Tick tick(String key, String hhmmss) {
    return new Tick(key, at(hhmmss));
  }

  @Test
  void manySchedulesFireFromOneStructureInScheduledTimeOrder() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    scheduler.schedule("b", cron("*/2 * * * * *"), UTC, record);
    scheduler.schedule("c", cron("@every 3s"), UTC, record);
    assertThat(scheduler.size()).isEqualTo(3);

    assertThat(scheduler.fireDue(at("10:00:00.999"))).isEmpty();
    assertThat(scheduler.fireDue(at("10:00:01"))).containsExactly(tick("a", "10:00:01"));
    assertThat(scheduler.fireDue(at("10:00:02")))
        .containsExactly(tick("a", "10:00:02"), tick("b", "10:00:02"));
    assertThat(scheduler.fireDue(at("10:00:03")))
        .containsExactly(tick("a", "10:00:03"), tick("c", "10:00:03"));
    assertThat(scheduler.fireDue(at("10:00:04")))
        .containsExactly(tick("a", "10:00:04"), tick("b", "10:00:04"));
    assertThat(scheduler.fireDue(at("10:00:05"))).containsExactly(tick("a", "10:00:05"));
    assertThat(scheduler.fireDue(at("10:00:06.5")))
        .containsExactly(tick("a", "10:00:06"), tick("b", "10:00:06"), tick("c", "10:00:06"));
    assertThat(delivered).hasSize(11);
  }

  @Test
  void neverFiresBeforeTheScheduledTime() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    assertThat(scheduler.fireDue(at("10:00:01").minusNanos(1))).isEmpty();
    assertThat(scheduler.fireDue(at("10:00:01"))).containsExactly(tick("a", "10:00:01"));
    assertThat(scheduler.fireDue(at("10:00:01.5"))).isEmpty();
  }

  @Test
  void schedulingTheSameKeyReplacesTheEntry() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    List<Tick> other = new ArrayList<>();
    scheduler.schedule("a", cron("*/5 * * * * *"), UTC, other::add);
    assertThat(scheduler.size()).isEqualTo(1);

    for (int s = 1; s <= 10; s++) {
      scheduler.fireDue(at(String.format("10:00:%02d", s)));
    }
    assertThat(delivered).isEmpty();
    assertThat(other).containsExactly(tick("a", "10:00:05"), tick("a", "10:00:10"));
  }

  @Test
  void unscheduleRemovesOnlyThatKey() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    scheduler.schedule("b", cron("* * * * * *"), UTC, record);
    assertThat(scheduler.fireDue(at("10:00:01"))).hasSize(2);

    assertThat(scheduler.unschedule("a")).isTrue();
    assertThat(scheduler.unschedule("a")).isFalse();
    assertThat(scheduler.unschedule("never-scheduled")).isFalse();
    assertThat(scheduler.size()).isEqualTo(1);
    assertThat(scheduler.fireDue(at("10:00:02"))).containsExactly(tick("b", "10:00:02"));
  }

  @Test
  void theNextActivationIsComputedFromTheScheduledTimeNotFromNow() {
    // A schedule that does not round to seconds shows any drift: every 10 s from the last one.
    CronSchedule everyTenSeconds = after -> after.plusSeconds(10);
    scheduler.schedule("a", everyTenSeconds, UTC, record);
    assertThat(scheduler.nextFire("a")).isEqualTo(at("10:00:10.300"));

    // Delivered 1.7 s late, still within one period: the next one keeps the original phase.
    assertThat(scheduler.fireDue(at("10:00:12"))).containsExactly(tick("a", "10:00:10.300"));
    assertThat(scheduler.nextFire("a")).isEqualTo(at("10:00:20.300"));
    assertThat(scheduler.fireDue(at("10:00:20.299"))).isEmpty();
    assertThat(scheduler.fireDue(at("10:00:20.300"))).containsExactly(tick("a", "10:00:20.300"));
    assertThat(scheduler.lateSkips()).isZero();
  }

  @Test
  void aLateWakeFiresEachMissedEntryOnceThenResumesAfterNow() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    scheduler.schedule("b", cron("*/2 * * * * *"), UTC, record);

    // Five seconds late: a and b each get one tick, for their own (earliest) scheduled time.
    assertThat(scheduler.fireDue(at("10:00:06.5")))
        .containsExactly(tick("a", "10:00:01"), tick("b", "10:00:02"));
    assertThat(scheduler.lateSkips()).isEqualTo(2);
    assertThat(scheduler.nextFire("a")).isEqualTo(at("10:00:07"));
    assertThat(scheduler.nextFire("b")).isEqualTo(at("10:00:08"));

    assertThat(scheduler.fireDue(at("10:00:06.9"))).isEmpty();
    assertThat(scheduler.fireDue(at("10:00:07"))).containsExactly(tick("a", "10:00:07"));
    assertThat(scheduler.fireDue(at("10:00:08")))
        .containsExactly(tick("a", "10:00:08"), tick("b", "10:00:08"));
    assertThat(delivered).hasSize(5);
  }

  @Test
  void lateByLessThanOnePeriodLosesNothing() {
    scheduler.schedule("a", cron("*/10 * * * * *"), UTC, record);
    assertThat(scheduler.fireDue(at("10:00:19.9"))).containsExactly(tick("a", "10:00:10"));
    assertThat(scheduler.fireDue(at("10:00:20"))).containsExactly(tick("a", "10:00:20"));
    assertThat(scheduler.lateSkips()).isZero();
  }

  @Test
  void aThrowingCallbackIsCountedAndStopsNothing() {
    scheduler.schedule(
        "bad",
        cron("* * * * * *"),
        UTC,
        t -> {
          throw new IllegalStateException("boom");
        });
    scheduler.schedule("good", cron("* * * * * *"), UTC, record);

    assertThat(scheduler.fireDue(at("10:00:01"))).hasSize(2);
    assertThat(scheduler.fireDue(at("10:00:02"))).hasSize(2);
    assertThat(scheduler.callbackFailures()).isEqualTo(2);
    assertThat(delivered).containsExactly(tick("good", "10:00:01"), tick("good", "10:00:02"));
    assertThat(scheduler.size()).isEqualTo(2);
  }

  @Test
  void callbacksMayChangeTheSchedulerFromTheirOwnTick() {
    scheduler.schedule(
        "once",
        cron("* * * * * *"),
        UTC,
        t -> {
          delivered.add(t);
          scheduler.unschedule("once");
          scheduler.schedule("spawned", cron("*/2 * * * * *"), UTC, record);
        });

    assertThat(scheduler.fireDue(at("10:00:01"))).containsExactly(tick("once", "10:00:01"));
    assertThat(scheduler.size()).isEqualTo(1);
    assertThat(scheduler.fireDue(at("10:00:02"))).containsExactly(tick("spawned", "10:00:02"));
    assertThat(scheduler.fireDue(at("10:00:03"))).isEmpty();
  }

  @Test
  void aScheduleWithoutActivationsStaysRegisteredAndNeverFires() {
    scheduler.schedule("feb30", cron("0 0 0 30 Feb *"), UTC, record);
    assertThat(scheduler.size()).isEqualTo(1);
    assertThat(scheduler.nextFire("feb30")).isNull();
    assertThat(scheduler.fireDue(Instant.parse("2100-01-01T00:00:00Z"))).isEmpty();
    assertThat(scheduler.unschedule("feb30")).isTrue();
  }

  @Test
  void zonelessSchedulesComputeInTheGivenZoneAndPrefixedOnesInTheirOwn() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    scheduler.schedule("utc", cron("0 0 9 * * *"), UTC, record);
    scheduler.schedule("tokyo", cron("0 0 9 * * *"), tokyo, record);
    scheduler.schedule("prefixed", cron("CRON_TZ=Asia/Tokyo 0 0 9 * * *"), UTC, record);

    assertThat(scheduler.nextFire("utc")).isEqualTo(Instant.parse("2024-05-02T09:00:00Z"));
    assertThat(scheduler.nextFire("tokyo")).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    assertThat(scheduler.nextFire("prefixed")).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
  }

  @Test
  void closeDropsEverythingAndRefusesNewEntries() {
    scheduler.schedule("a", cron("* * * * * *"), UTC, record);
    scheduler.close();
    scheduler.close(); // idempotent

    assertThat(scheduler.size()).isZero();
    assertThat(scheduler.fireDue(at("10:00:05"))).isEmpty();
    assertThatThrownBy(() -> scheduler.schedule("b", cron("* * * * * *"), UTC, record))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void maxSleepMustBePositive() {
    assertThatThrownBy(() -> new TickScheduler(Clock.systemUTC(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
