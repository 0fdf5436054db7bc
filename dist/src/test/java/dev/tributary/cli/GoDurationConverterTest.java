package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class GoDurationConverterTest {

  private final GoDurationConverter converter = new GoDurationConverter();

  @ParameterizedTest
  @CsvSource({
    "60s, PT60S, 1m",
    "1m30s, PT90S, 1m30s",
    "2m, PT2M, 2m",
    "1h, PT1H, 1h",
    "1h0m5s, PT1H5S, 1h5s",
    "500ms, PT0.5S, 500ms",
    "0, PT0S, 0s",
    "0s, PT0S, 0s"
  })
  void readsGoDurations(String text, Duration expected, String formatted) {
    assertThat(converter.convert(text)).isEqualTo(expected);
    assertThat(GoDurationConverter.format(expected)).isEqualTo(formatted);
    assertThat(converter.convert(formatted)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "60", "s", "1.5s", "-1s", "60 s", "1d", "PT60S", "1m30"})
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> converter.convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'" + text + "' is not a duration such as 60s, 2m or 1m30s");
  }
}
