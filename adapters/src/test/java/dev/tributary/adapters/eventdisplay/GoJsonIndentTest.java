package dev.tributary.adapters.eventdisplay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected outputs are what Go's {@code json.Indent(dst, src, " ", " ")} produces. */
class GoJsonIndentTest {

  @Test
  void putsEachMemberOnItsOwnLineWithPrefixAndIndent() {
    assertThat(indent("{\"id\":2,\"label\":\"\"}"))
        .contains("{\n    \"id\": 2,\n    \"label\": \"\"\n  }");
  }

  @Test
  void nestsOneIndentPerLevel() {
    assertThat(indent("{\"a\":{\"b\":[1,2]},\"c\":null}"))
        .contains(
            "{\n    \"a\": {\n      \"b\": [\n        1,\n        2\n      ]\n    },\n    \"c\": null\n  }");
  }

  @Test
  void writesEmptyObjectsAndArraysOnOneLine() {
    assertThat(indent("{}")).contains("{}");
    assertThat(indent("[ ]")).contains("[]");
    assertThat(indent("[ [ ] , { \n } ]")).contains("[\n    [],\n    {}\n  ]");
    assertThat(indent("{\"a\":{},\"b\":[]}")).contains("{\n    \"a\": {},\n    \"b\": []\n  }");
  }

  @Test
  void dropsWhitespaceBeforeAndBetweenTokens() {
    assertThat(indent(" \t\r\n{ \"a\" :\n 1 ,\t\"b\": true }"))
        .contains("{\n    \"a\": 1,\n    \"b\": true\n  }");
  }

  @Test
  void keepsWhitespaceAfterTheValue() {
    assertThat(indent("{\"a\":1} \n")).contains("{\n    \"a\": 1\n  } \n");
    assertThat(indent("7\n")).contains("7\n");
  }

  @Test
  void keepsKeyOrderNumberTextAndStringBytes() {
    assertThat(indent("{\"b\":1.50,\"a\":-0e+10,\"c\":12345678901234567890123}"))
        .contains(
            "{\n    \"b\": 1.50,\n    \"a\": -0e+10,\n    \"c\": 12345678901234567890123\n  }");
    assertThat(indent("[\"a b\\u00e9\\\"\\n é\"]")).contains("[\n    \"a b\\u00e9\\\"\\n é\"\n  ]");
  }

  @Test
  void acceptsScalarsAtTheTop() {
    assertThat(indent("\"x\"")).contains("\"x\"");
    assertThat(indent("null")).contains("null");
    assertThat(indent("-1.5E3")).contains("-1.5E3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "{",
        "{\"a\":}",
        "{\"a\" 1}",
        "{,}",
        "{\"a\":1,}",
        "[1,]",
        "[1 2]",
        "01",
        "1.",
        "-",
        ".5",
        "1e",
        "1 2",
        "{} {}",
        "tru",
        "True",
        "NaN",
        "{'a':1}",
        "{a:1}",
        "\"unterminated",
        "\"bad \\x escape\"",
        "\"bad \\u12G4\"",
        "\"tab\tinside\"",
        "]",
      })
  void refusesWhatGoRefuses(String json) {
    assertThat(indent(json)).isEmpty();
  }

  @Test
  void refusesNestingDeeperThanGo() {
    assertThat(indent("[".repeat(100) + "]".repeat(100))).isPresent();
    assertThat(indent("[".repeat(10_001) + "]".repeat(10_001))).isEmpty();
  }

  private static Optional<String> indent(String json) {
    return GoJsonIndent.indent(json.getBytes(StandardCharsets.UTF_8), "  ", "  ")
        .map(b -> new String(b, StandardCharsets.UTF_8));
  }
}
