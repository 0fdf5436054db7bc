package dev.tributary.local.apiserver.admission.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {

  private final AtomicLong now = new AtomicLong();
  private final WarningThrottle throttle = new WarningThrottle(Duration.ofSeconds(30), now::get);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void warnsOncePerIntervalPerKeyAndCountsWhatItKeptQuiet() {
    assertThat(throttle.warn("sinkbindings")).isEqualTo(OptionalInt.of(0));
    advance(Duration.ofSeconds(1));
    assertThat(throttle.warn("sinkbindings")).isEmpty();
    assertThat(throttle.warn("sinkbindings")).isEmpty();
    assertThat(throttle.warn("validation")).as("another webhook").isEqualTo(OptionalInt.of(0));

    advance(Duration.ofSeconds(29));
    assertThat(throttle.warn("sinkbindings")).isEqualTo(OptionalInt.of(2));
    advance(Duration.ofSeconds(29));
    assertThat(throttle.warn("sinkbindings")).isEmpty();
  }
}
