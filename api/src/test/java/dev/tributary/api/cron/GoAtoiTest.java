package dev.tributary.api.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.validation.GoQuote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoAtoiTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "+5, 5",
    "-0, 0",
    "007, 7",
    "-12, -12",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
  })
  void parsesWhatGoParses(String text, long value) {
    assertThat(GoAtoi.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``                     | strconv.Atoi: parsing \"\": invalid syntax",
        "+                      | strconv.Atoi: parsing \"+\": invalid syntax",
        "1_000                  | strconv.Atoi: parsing \"1_000\": invalid syntax",
        "0x10                   | strconv.Atoi: parsing \"0x10\": invalid syntax",
        "١٢                     | strconv.Atoi: parsing \"١٢\": invalid syntax",
        "a\"b\\c                | strconv.Atoi: parsing \"a\\\"b\\\\c\": invalid syntax",
        "9223372036854775808    | strconv.Atoi: parsing \"9223372036854775808\": value out of range",
        "-9223372036854775809   | strconv.Atoi: parsing \"-9223372036854775809\": value out of range",
        "99999999999999999999x  | strconv.Atoi: parsing \"99999999999999999999x\": value out of range",
        "9223372036854775808x   | strconv.Atoi: parsing \"9223372036854775808x\": invalid syntax",
      })
  void failsWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoAtoi.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x\u0001y | \"x\\x01y\"",
        "é | \"é\"",
        "a\u00adb | \"a\\u00adb\"",
        "\uD83D\uDE00 | \"\uD83D\uDE00\""
      })
  void quotesLikeStrconvQuote(String text, String quoted) {
    assertThat(GoQuote.quote(text)).isEqualTo(quoted);
  }
}
