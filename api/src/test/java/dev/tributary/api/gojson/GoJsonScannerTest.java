package dev.tributary.api.gojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoJsonScannerTest {

  static Stream<Arguments> errorCases() {
    return Stream.of(
        Arguments.of("Invalid JSON", "invalid character 'I' looking for beginning of value"),
        Arguments.of("", "unexpected end of JSON input"),
        Arguments.of("   ", "unexpected end of JSON input"),
        Arguments.of("{", "unexpected end of JSON input"),
        Arguments.of("{\"a\":\"b", "unexpected end of JSON input"),
        Arguments.of("{}x", "invalid character 'x' after top-level value"),
        Arguments.of("{} {}", "invalid character '{' after top-level value"),
        Arguments.of("{\"a\" 1}", "invalid character '1' after object key"),
        Arguments.of("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair"),
        Arguments.of("[1 2]", "invalid character '2' after array element"),
        Arguments.of("{a:1}", "invalid character 'a' looking for beginning of object key string"),
        Arguments.of("{\"a\":tx}", "invalid character 'x' in literal true (expecting 'r')"),
        Arguments.of("{\"a\":nul}", "invalid character '}' in literal null (expecting 'l')"),
        Arguments.of("{\"a\":fals}", "invalid character '}' in literal false (expecting 'e')"),
        Arguments.of("{\"a\":-}", "invalid character '}' in numeric literal"),
        Arguments.of("{\"a\":01}", "invalid character '1' after object key:value pair"),
        Arguments.of("{\"a\":1.}", "invalid character '}' after decimal point in numeric literal"),
        Arguments.of("{\"a\":1e}", "invalid character '}' in exponent of numeric literal"),
        Arguments.of("{\"a\":\"\\x\"}", "invalid character 'x' in string escape code"),
        Arguments.of(
            "{\"a\":\"\\u12g4\"}", "invalid character 'g' in \\u hexadecimal character escape"),
        Arguments.of("'", "invalid character '\\'' looking for beginning of value"),
        Arguments.of("\\", "invalid character '\\\\' looking for beginning of value"),
        // at end of input Go feeds a space into the state machine
        Arguments.of("tru", "invalid character ' ' in literal true (expecting 'e')"),
        Arguments.of("-", "invalid character ' ' in numeric literal"),
        Arguments.of("{\"a\":\"\\", "invalid character ' ' in string escape code"),
        // non-ASCII bytes are quoted as the Latin-1 rune of their first byte
        Arguments.of("é", "invalid character 'Ã' looking for beginning of value"));
  }

  private static String error(String json) {
    return GoJsonScanner.check(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void acceptsOneValidValue() {
    assertThat(error(" {\"a\":[1,-2.5e3,{\"b\":null,\"c\":true}],\"d\":\"\\u00e9\\n\"} ")).isNull();
    assertThat(error("[1,2]")).isNull();
    assertThat(error("\"s\"")).isNull();
    assertThat(error("-0.5E+2")).isNull();
    assertThat(error("null")).isNull();
  }

  @ParameterizedTest
  @MethodSource("errorCases")
  void reportsGoErrors(String json, String message) {
    assertThat(error(json)).isEqualTo(message);
  }

  @Test
  void controlCharactersInStringsAreSyntaxErrors() {
    assertThat(error("{\"a\":\"tab\there\"}"))
        .isEqualTo("invalid character '\\t' in string literal");
    assertThat(error("{\"a\":\"\u0001\"}"))
        .isEqualTo("invalid character '\\x01' in string literal");
  }

  @Test
  void nestingIsLimitedTo10000() {
    assertThat(error("[".repeat(10001))).isEqualTo("invalid character '[' exceeded max depth");
    assertThat(error("[".repeat(10000) + "]".repeat(10000))).isNull();
  }

  @Test
  void quotesCharactersAsGoStrconvDoes() {
    assertThat(GoJsonScanner.quoteChar((byte) 'x')).isEqualTo("'x'");
    assertThat(GoJsonScanner.quoteChar((byte) '"')).isEqualTo("'\"'");
    assertThat(GoJsonScanner.quoteChar((byte) 0x07)).isEqualTo("'\\a'");
    assertThat(GoJsonScanner.quoteChar((byte) 0x0b)).isEqualTo("'\\v'");
    assertThat(GoJsonScanner.quoteChar((byte) 0x7f)).isEqualTo("'\\x7f'");
    assertThat(GoJsonScanner.quoteChar((byte) 0x85)).isEqualTo("'\\u0085'");
    assertThat(GoJsonScanner.quoteChar((byte) 0xa0)).isEqualTo("'\\u00a0'");
    assertThat(GoJsonScanner.quoteChar((byte) 0xad)).isEqualTo("'\\u00ad'");
    assertThat(GoJsonScanner.quoteChar((byte) 0xe9)).isEqualTo("'é'");
  }
}
