package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.validation.GoQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoStrconvTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "42, 42",
    "+7, 7",
    "-7, -7",
    "007, 7",
    "9223372036854775807, 9223372036854775807"
  })
  void atoiReadsDecimalIntegers(String text, long value) {
    assertThat(GoStrconv.atoi(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", "1s", " 1", "1_000", "0x10", "١"})
  void atoiRefusesAnythingElse(String text) {
    assertThatThrownBy(() -> GoStrconv.atoi(text))
        .hasMessage("strconv.Atoi: parsing " + GoQuote.quote(text) + ": invalid syntax");
  }

  @Test
  void atoiReportsOverflow() {
    assertThatThrownBy(() -> GoStrconv.atoi("9223372036854775808"))
        .hasMessage("strconv.Atoi: parsing \"9223372036854775808\": value out of range");
  }

  @Test
  void unquotesGoStringLiterals() {
    assertThat(GoStrconv.unquoteDoubleQuoted("\"hello\"")).isEqualTo("hello");
    assertThat(GoStrconv.unquoteDoubleQuoted("\"a\\tb\\n\\\"c\\\\\"")).isEqualTo("a\tb\n\"c\\");
    assertThat(GoStrconv.unquoteDoubleQuoted("\"\\a\\b\\f\\r\\v\""))
        .isEqualTo("\u0007\b\f\r\u000b");
    assertThat(GoStrconv.unquoteDoubleQuoted("\"\\x41\\101\\u00e9\\U0001F600\""))
        .isEqualTo("AAé\uD83D\uDE00");
    assertThat(GoStrconv.unquoteDoubleQuoted("\"caf\u00e9 ☁\"")).isEqualTo("café ☁");
  }

  @Test
  void keepsBytesThatAreNotUtf8AsEscapedSurrogates() {
    assertThat(GoStrconv.unquoteDoubleQuoted("\"\\xff\\xc3\\xa9\"")).isEqualTo("\uDCFFé");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unterminated",
        "\"",
        "\"a\"b\"",
        "\"bad \\q escape\"",
        "\"\\'\"",
        "\"\\x4\"",
        "\"\\400\"",
        "\"\\uD800\"",
        "\"\\U00110000\"",
        "\"line\nbreak\"",
        "'single'",
      })
  void unquoteRefusesWhatGoRefuses(String literal) {
    assertThatThrownBy(() -> GoStrconv.unquoteDoubleQuoted(literal)).hasMessage("invalid syntax");
  }

  @Test
  void quotesAsGoPercentQ() {
    assertThat(GoQuote.quote("x")).isEqualTo("\"x\"");
    assertThat(GoQuote.quote("a\"b\\c\n\t\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01é\"");
  }
}
