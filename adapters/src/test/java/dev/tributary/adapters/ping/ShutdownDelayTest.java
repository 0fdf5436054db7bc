package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShutdownDelayTest {

  @ParameterizedTest
  @CsvSource({
    "2026-11-29T17:00:00.000Z, 55, 0",
    "2026-11-29T17:00:55.900Z, 55, 0",
    "2026-11-29T17:00:56.000Z, 55, 5",
    "2026-11-29T17:00:59.999Z, 55, 2",
    "2026-11-29T17:00:30.000Z, 0, 31",
    "2026-11-29T17:00:59.000Z, 59, 0",
  })
  void waitsPastTheMinuteBoundaryOnlyAfterTheConfiguredSecond(
      String now, int noShutdownAfter, long seconds) {
    assertThat(ShutdownDelay.before(Instant.parse(now), noShutdownAfter))
        .isEqualTo(Duration.ofSeconds(seconds));
  }
}
