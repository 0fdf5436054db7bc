package dev.tributary.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final WorkQueue<String> queue =
      new WorkQueue<>(ExponentialBackoff.controllerDefault(), scheduler);

  private String take() throws InterruptedException {
    return queue.poll(Duration.ZERO).orElse(null);
  }

  @Test
  void aKeyAddedTwiceWhileWaitingIsHandedOutOnce() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.size()).isEqualTo(2);
    assertThat(take()).isEqualTo("a");
    assertThat(take()).isEqualTo("b");
    assertThat(take()).isNull();
  }

  @Test
  void aKeyAddedWhileBeingProcessedIsHandedOutAgainOnlyAfterDone() throws Exception {
    queue.add("a");
    assertThat(take()).isEqualTo("a");

    queue.add("a");
    queue.add("a");
    assertThat(take()).as("not to a second worker while the first holds it").isNull();

    queue.done("a");
    assertThat(take()).isEqualTo("a");
    queue.done("a");
    assertThat(take()).isNull();
  }

  @Test
  void addAfterQueuesOnlyOnceTheDelayHasPassed() throws Exception {
    queue.addAfter("a", Duration.ofSeconds(10));
    assertThat(take()).isNull();

    scheduler.advance(Duration.ofSeconds(9));
    assertThat(take()).isNull();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(take()).isEqualTo("a");
  }

  @Test
  void rateLimitedRetriesBackOffExponentiallyPerKeyUntilForgotten() throws Exception {
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    queue.addRateLimited("a");
    queue.addRateLimited("b");
    assertThat(queue.retries("a")).isEqualTo(3);

    // a: 5, 10, 20 ms; b: 5 ms.
    scheduler.advance(Duration.ofMillis(5));
    assertThat(take()).isEqualTo("a");
    assertThat(take()).isEqualTo("b");

    queue.forget("a");
    assertThat(queue.retries("a")).isZero();
    assertThat(queue.retries("b")).isEqualTo(1);
  }

  @Test
  void backoffDoublesFromFiveMillisecondsAndCapsAtOneThousandSeconds() {
    ExponentialBackoff<String> backoff = ExponentialBackoff.controllerDefault();

    assertThat(backoff.next("k")).isEqualTo(Duration.ofMillis(5));
    assertThat(backoff.next("k")).isEqualTo(Duration.ofMillis(10));
    assertThat(backoff.next("k")).isEqualTo(Duration.ofMillis(20));
    assertThat(backoff.next("other")).isEqualTo(Duration.ofMillis(5));
    for (int i = 0; i < 100; i++) {
      backoff.next("k");
    }
    assertThat(backoff.next("k")).isEqualTo(Duration.ofSeconds(1000));
    backoff.forget("k");
    assertThat(backoff.next("k")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void shutDownHandsOutWhatIsQueuedThenNothingAndRefusesNewKeys() throws Exception {
    queue.add("a");
    queue.shutDown();
    queue.add("b");

    assertThat(queue.take()).contains("a");
    assertThat(queue.take()).isEmpty();
    assertThat(queue.awaitDrained(Duration.ZERO)).as("a is still being processed").isFalse();
    queue.done("a");
    assertThat(queue.awaitDrained(Duration.ZERO)).isTrue();
  }

  @Test
  void aBlockedTakeWakesUpWhenAKeyArrives() throws Exception {
    Thread adder =
        new Thread(
            () -> {
              queue.add("late");
            });
    adder.start();
    Optional<String> taken = queue.take();
    adder.join();

    assertThat(taken).contains("late");
  }
}
