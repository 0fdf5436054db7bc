package dev.tributary.controller.children;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemanticDerivativeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @ParameterizedTest(name = "{0} within {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                            | {'a':1}                       | true",
        "{'a':''}                      | {'a':'set'}                   | true",
        "{'a':null}                    | {'a':'set'}                   | true",
        "{'a':[]}                      | {'a':[1]}                     | true",
        "{'a':{}}                      | {'a':{'b':1}}                 | true",
        "{'a':'x'}                     | {'a':'x','b':'defaulted'}     | true",
        "{'a':'x'}                     | {'a':'y'}                     | false",
        "{'a':'x'}                     | {}                            | false",
        "{'a':[{'n':'A'}]}             | {'a':[{'n':'A','v':1},{'n':'B'}]} | true",
        "{'a':[{'n':'A'},{'n':'B'}]}   | {'a':[{'n':'A'}]}             | false",
        "{'a':[{'n':'B'}]}             | {'a':[{'n':'A'},{'n':'B'}]}   | false",
        "{'r':0}                       | {'r':1}                       | false",
        "{'r':1}                       | {'r':1.0}                     | true",
        "{'b':false}                   | {}                            | false",
        "{'b':true}                    | {'b':true}                    | true",
      })
  void matchesGoDeepDerivative(String desired, String live, boolean derivative) throws Exception {
    assertThat(SemanticDerivative.isDerivative(json(desired), json(live))).isEqualTo(derivative);
  }
}
