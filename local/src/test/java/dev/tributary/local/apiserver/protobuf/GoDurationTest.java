package dev.tributary.local.apiserver.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1500, 1.5µs",
    "100000000, 100ms",
    "1000000000, 1s",
    "1500000000, 1.5s",
    "60000000000, 1m0s",
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "4981000000000, 1h23m1s",
    "-5000000000, -5s",
    "-9223372036854775808, -2562047h47m16.854775808s",
  })
  void formatsAsGoDoes(long nanos, String expected) {
    assertThat(GoDuration.format(nanos)).isEqualTo(expected);
  }
}
