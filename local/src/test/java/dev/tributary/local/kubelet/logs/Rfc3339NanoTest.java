package dev.tributary.local.kubelet.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rfc3339NanoTest {

  @ParameterizedTest
  @CsvSource({
    "2024-05-01T10:00:00Z,           2024-05-01T10:00:00Z",
    "2024-05-01T10:00:00.500Z,       2024-05-01T10:00:00.5Z",
    "2024-05-01T10:00:00.123456789Z, 2024-05-01T10:00:00.123456789Z",
    "2024-05-01T10:00:00.000001Z,    2024-05-01T10:00:00.000001Z",
    "2024-05-01T10:00:00.120Z,       2024-05-01T10:00:00.12Z"
  })
  void trimsTrailingZerosAsGoDoes(String instant, String expected) {
    assertThat(Rfc3339Nano.format(Instant.parse(instant))).isEqualTo(expected);
  }
}
