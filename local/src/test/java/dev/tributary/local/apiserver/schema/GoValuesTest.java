package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.validation.GoQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoValuesTest {

  @ParameterizedTest
  @CsvSource({
    "1, 1",
    "1.5, 1.5",
    "100000, 100000",
    "1000000, 1e+06",
    "123456789, 1.23456789e+08",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "-2.25, -2.25",
    "0, 0",
    "1e21, 1e+21",
  })
  void floatsPrintLikeGoPercentV(double value, String expected) {
    assertThat(GoValues.formatFloat(value)).isEqualTo(expected);
  }

  @Test
  void quotingEscapesLikeStrconvQuote() {
    assertThat(GoQuote.quote("a\"b\\c\nd\te\u0001é")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\x01é\"");
    assertThat(GoQuote.quote("\u00a0")).isEqualTo("\"\\u00a0\"");
  }

  @Test
  void valuesPrintAsTheirDecodedGoForm() {
    assertThat(GoValues.errorValue(node("{'b': [1, 'x', null], 'a': 1.5, 'c': true}")))
        .isEqualTo(
            "map[string]interface {}{\"a\":1.5, \"b\":[]interface {}{1, \"x\", interface {}(nil)},"
                + " \"c\":true}");
    assertThat(GoValues.errorValue(node("null"))).isEqualTo("\"null\"");
    assertThat(GoValues.errorValue(node("3.0"))).isEqualTo("3");
    assertThat(GoValues.errorValue(node("12345678901234567890")))
        .isEqualTo("1.2345678901234567e+19");
    assertThat(GoValues.plain(node("['a', 1, {'k': 'v'}]"))).isEqualTo("[a 1 map[k:v]]");
  }
}
