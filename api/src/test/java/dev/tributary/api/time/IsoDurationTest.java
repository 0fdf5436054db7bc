package dev.tributary.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDurationTest {
  @ParameterizedTest
  @CsvSource({
    "PT0.2S, 200",
    "PT1S, 1000",
    "PT1M30S, 90000",
    "P1D, 86400000",
    "P1W, 604800000",
    "P1DT1H, 90000000",
    "-PT1S, -1000",
    "PT0S, 0",
    "pt2s, 2000",
  })
  void parses(String text, long millis) {
    assertThat(IsoDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "P", "PT", "1S", "soon", "PTS", "P1H"})
  void rejects(String text) {
    assertThatThrownBy(() -> IsoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
