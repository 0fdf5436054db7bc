package dev.tributary.api.gojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoJsonUnmarshalTest {

  static Stream<Arguments> errorCases() {
    return Stream.of(
        // syntax errors are the scanner's, unchanged
        Arguments.of("Invalid JSON", "invalid character 'I' looking for beginning of value"),
        Arguments.of("[".repeat(10001), "invalid character '[' exceeded max depth"),
        // the value must be an object
        Arguments.of(
            "[1,2]", "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        Arguments.of(
            "\"s\"", "json: cannot unmarshal string into Go value of type map[string]interface {}"),
        Arguments.of(
            "42", "json: cannot unmarshal number into Go value of type map[string]interface {}"),
        Arguments.of(
            "true", "json: cannot unmarshal bool into Go value of type map[string]interface {}"),
        Arguments.of(
            "[".repeat(10000) + "]".repeat(10000),
            "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        // numbers are float64s inside the object
        Arguments.of(
            "{\"a\":[1,{\"b\":-1e999}],\"c\":1e400}",
            "json: cannot unmarshal number -1e999 into Go value of type float64"));
  }

  private static String error(String json) {
    return GoJsonUnmarshal.objectError(json.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void acceptsObjectsAndNull() {
    assertThat(error("{\"msg\": \"Hello World\"}")).isNull();
    assertThat(error(" {\"a\":[1,-2.5e3,{\"b\":null,\"c\":true}],\"d\":\"\\u00e9\\n\"} ")).isNull();
    assertThat(error("{}")).isNull();
    assertThat(error("null")).isNull();
  }

  @Test
  void numbersInsideStringsAreNotNumbers() {
    assertThat(error("{\"1e400\":\"-1e999\"}")).isNull();
  }

  @ParameterizedTest
  @MethodSource("errorCases")
  void reportsGoErrors(String json, String message) {
    assertThat(error(json)).isEqualTo(message);
  }
}
