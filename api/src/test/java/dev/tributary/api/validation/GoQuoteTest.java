package dev.tributary.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are what Go 1.22's {@code strconv.Quote} prints for the same strings. */
class GoQuoteTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "abc|'\"abc\"'",
        "a\"b|'\"a\\\"b\"'",
        "a\\b|'\"a\\\\b\"'",
        "é|'\"é\"'",
        "日本|'\"日本\"'",
      })
  void printableTextIsKeptAndQuotesEscaped(String text, String quoted) {
    assertThat(GoQuote.quote(text)).isEqualTo(quoted);
  }

  @org.junit.jupiter.api.Test
  void controlsAndNonPrintablesAreEscapedAsGoDoes() {
    assertThat(GoQuote.quote("a\nb\tc\r\u0007\b\f\u000b"))
        .isEqualTo("\"a\\nb\\tc\\r\\a\\b\\f\\v\"");
    assertThat(GoQuote.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
    // NBSP and other non-ASCII spaces are not printable for Go
    assertThat(GoQuote.quote("\u00a0\u2028")).isEqualTo("\"\\u00a0\\u2028\"");
    // a format character (zero-width joiner) and a supplementary private-use code point
    assertThat(GoQuote.quote("\u200d")).isEqualTo("\"\\u200d\"");
    assertThat(GoQuote.quote(new String(Character.toChars(0xF0000)))).isEqualTo("\"\\U000f0000\"");
    // an emoji is a printable symbol
    assertThat(GoQuote.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
  }
}
