package dev.tributary.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "1s, 1000000000",
    "500ms, 500000000",
    "1h30m, 5400000000000",
    "-1.5h, -5400000000000",
    "+2m, 120000000000",
    "1.s, 1000000000",
    ".5s, 500000000",
    "3us, 3000",
    "3µs, 3000",
    "7ns, 7",
    "1h2m3s4ms5us6ns, 3723004005006",
  })
  void parsesWhatGoParses(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''| time: invalid duration \"\"",
        "1| time: missing unit in duration \"1\"",
        "5x| time: unknown unit \"x\" in duration \"5x\"",
        "s| time: invalid duration \"s\"",
        "-| time: invalid duration \"-\"",
        ".s| time: invalid duration \".s\"",
      })
  void rejectsWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message.strip());
  }
}
