package dev.tributary.adapters.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.api.cron.CronParser;
import dev.tributary.api.cron.CronSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** The real thread and the real clock, with an every-second schedule. */
class TickSchedulerIT {

  private final Queue<Tick> ticks = new ConcurrentLinkedQueue<>();

  private List<Tick> ticksOf(String key) {
    return ticks.stream().filter(t -> t.key().equals(key)).toList();
  }

  @Test
  void firesEverySecondForEachKeyAndStopsAfterUnschedule() throws Exception {
    CronSchedule everySecond = CronParser.KNATIVE.parse("* * * * * *");
    // A long maximum sleep: ticks only arrive if adding an earlier entry wakes the thread.
    try (TickScheduler scheduler = TickScheduler.start(Clock.systemUTC(), Duration.ofHours(1))) {
      scheduler.schedule("ns/far", CronParser.KNATIVE.parse("@yearly"), ZoneOffset.UTC, ticks::add);
      scheduler.schedule("ns/a", everySecond, ZoneOffset.UTC, ticks::add);
      scheduler.schedule("ns/b", everySecond, ZoneOffset.UTC, ticks::add);

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> ticksOf("ns/a").size() >= 2 && ticksOf("ns/b").size() >= 2);
      for (Tick tick : ticks) {
        assertThat(tick.scheduledTime().getNano()).as("%s", tick).isZero();
      }
      assertThat(ticksOf("ns/a")).extracting(Tick::scheduledTime).doesNotHaveDuplicates();

      assertThat(scheduler.unschedule("ns/a")).isTrue();
      int aAfterUnschedule = ticksOf("ns/a").size();
      int bAfterUnschedule = ticksOf("ns/b").size();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> ticksOf("ns/b").size() >= bAfterUnschedule + 2);
      assertThat(ticksOf("ns/a")).hasSize(aAfterUnschedule);
      assertThat(ticksOf("ns/b"))
          .extracting(Tick::scheduledTime)
          .isSortedAccordingTo(Instant::compareTo)
          .doesNotHaveDuplicates();
      assertThat(scheduler.callbackFailures()).isZero();
    }
  }
}
