package dev.tributary.api.gojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoJsonTest {

  /** Strings and Go's {@code json.Marshal} of them. */
  static Stream<Arguments> goStrings() {
    return Stream.of(
        Arguments.of(
            "<a href=\"x\">&</a>", "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\""),
        Arguments.of("\b\t\n\f\r\u0001\u001f\u007f", "\"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\""),
        Arguments.of("\u2028\u2029é✓", "\"\\u2028\\u2029é✓\""),
        Arguments.of(
            "he said \"hi\" <b>&\n\t\r\b\f\u0001\u007f\\",
            "\"he said \\\"hi\\\" \\u003cb\\u003e\\u0026\\n\\t\\r\\b\\f\\u0001\u007f\\\\\""),
        Arguments.of("a\u2028b\u2029c", "\"a\\u2028b\\u2029c\""),
        Arguments.of("\uD83D\uDE00", "\"\uD83D\uDE00\""));
  }

  static Stream<Arguments> remarshalCases() {
    return Stream.of(
        Arguments.of("{\"message\": \"hello, world!\"}", "{\"message\":\"hello, world!\"}"),
        Arguments.of(
            "  {\"b\" : 1, \"a\": [1, 2, {\"x\" : \"y z\"}]}  ",
            "{\"a\":[1,2,{\"x\":\"y z\"}],\"b\":1}"),
        Arguments.of("{\"a\":1,\"a\":2}", "{\"a\":2}"),
        Arguments.of("{\"a\":null, \"n\": 1.50e+3}", "{\"a\":null,\"n\":1.50e+3}"),
        Arguments.of("{\"<a>\":\"&\"}", "{\"\\u003ca\\u003e\":\"\\u0026\"}"),
        Arguments.of("{\"k\\u00e9\\/\":1}", "{\"ké/\":1}"),
        Arguments.of("{\"\\ud800\":1}", "{\"\uFFFD\":1}"),
        Arguments.of(
            "{\"\\ud83d\\ude00\":\"\\ud83d\\ude00\"}", "{\"\uD83D\uDE00\":\"\\ud83d\\ude00\"}"),
        Arguments.of("{\"a\":\"x\u2028y\"}", "{\"a\":\"x\\u2028y\"}"),
        Arguments.of("{}", "{}"),
        Arguments.of("null", "null"),
        Arguments.of("{\"a\":1e400}", "{\"a\":1e400}"));
  }

  @Test
  void sortsMapKeysAndWritesNoSpaces() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", "2");
    m.put("a", List.of("x", "y"));

    assertThat(GoJson.write(m)).isEqualTo("{\"a\":[\"x\",\"y\"],\"b\":\"2\"}");
  }

  @Test
  void escapesMapKeysAndValues() {
    assertThat(GoJson.write(Map.of("<k>", "&"))).isEqualTo("{\"\\u003ck\\u003e\":\"\\u0026\"}");
  }

  @ParameterizedTest
  @MethodSource("goStrings")
  void writeAndQuoteEscapeAsGoDoes(String s, String json) {
    assertThat(GoJson.write(s)).isEqualTo(json);
    assertThat(GoJson.quote(s)).isEqualTo(json);
  }

  @Test
  void quoteWritesALoneSurrogateAsGoWritesInvalidUtf8AndKeepsPairs() {
    assertThat(GoJson.quote("a\uD800b")).isEqualTo("\"a\\ufffdb\"");
    assertThat(GoJson.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
  }

  @Test
  void writeAndQuoteAgreeOnEveryAsciiCharacter() {
    // Jackson's writer and the byte-level quoting read the same table.
    for (char c = 0; c < 0x80; c++) {
      String s = "x" + c + "y";
      assertThat(GoJson.quote(s)).as("U+%04X", (int) c).isEqualTo(GoJson.write(s));
    }
  }

  @ParameterizedTest
  @MethodSource("remarshalCases")
  void remarshalsObjectsAsGoDoes(String json, String remarshalled) {
    assertThat(GoJson.remarshalObject(json)).contains(remarshalled);
  }

  @ParameterizedTest
  @MethodSource("notObjects")
  void remarshalsNothingButObjectsAndNull(String json) {
    assertThat(GoJson.remarshalObject(json)).isEmpty();
  }

  static Stream<String> notObjects() {
    return Stream.of("hello", "[1]", "\"x\"", "  ", "", "{", "{} {}");
  }

  @Test
  void sortsKeysByTheirUtf8Bytes() {
    // UTF-16 order would put the emoji (a surrogate pair) before U+FFFD; Go's byte order does not.
    String json = "{\"\uFFFD\":1,\"\uD83D\uDE00\":2,\"é\":3,\"a\":4,\"B\":5}";
    assertThat(GoJson.remarshalObject(json))
        .contains("{\"B\":5,\"a\":4,\"é\":3,\"\uFFFD\":1,\"\uD83D\uDE00\":2}");
  }
}
