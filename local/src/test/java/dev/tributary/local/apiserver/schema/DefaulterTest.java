package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.obj;
import static dev.tributary.local.apiserver.schema.TestJson.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DefaulterTest {

  private final Defaulter defaulter =
      new Defaulter(
          schema(
              """
              {'type': 'object', 'properties': {'spec': {'type': 'object', 'default': {},
                'properties': {
                  'replicas': {'type': 'integer', 'default': 1},
                  'mode': {'type': 'string', 'default': 'Reference'},
                  'maybe': {'type': 'string', 'nullable': true, 'default': 'm'},
                  'delivery': {'type': 'object', 'default': {'retry': 3, 'junk': true},
                    'properties': {'retry': {'type': 'integer'},
                                   'backoff': {'type': 'string', 'default': 'linear'}}},
                  'ports': {'type': 'array', 'items': {'type': 'integer', 'default': 80}},
                  'env': {'type': 'object', 'additionalProperties': {'type': 'string', 'default': 'x'}}}}}}
              """));

  @Test
  void absentFieldsGetDefaultsRecursivelyIncludingInsideDefaultedObjects() {
    ObjectNode result = defaulter.apply(obj("{}"));

    // spec defaults to {}, then its own properties default, then delivery's; the unknown field in
    // delivery's default was pruned from the default itself
    assertThat(result)
        .isEqualTo(
            obj(
                """
                {'spec': {'replicas': 1, 'mode': 'Reference', 'maybe': 'm',
                          'delivery': {'retry': 3, 'backoff': 'linear'}}}
                """));
  }

  @Test
  void givenValuesWinAndNullableNullsStay() {
    ObjectNode result =
        defaulter.apply(
            obj(
                "{'spec': {'replicas': 5, 'mode': null, 'maybe': null, 'delivery': {'retry': 0}}}"));

    assertThat(result)
        .isEqualTo(
            obj(
                """
                {'spec': {'replicas': 5, 'mode': 'Reference', 'maybe': null,
                          'delivery': {'retry': 0, 'backoff': 'linear'}}}
                """));
  }

  @Test
  void nullItemsAndNullMapValuesTakeTheirSchemaDefault() {
    ObjectNode input = obj("{'spec': {'ports': [8080, null], 'env': {'A': 'a', 'B': null}}}");

    ObjectNode result = defaulter.apply(input);

    assertThat(result.path("spec").path("ports")).isEqualTo(TestJson.node("[8080, 80]"));
    assertThat(result.path("spec").path("env")).isEqualTo(obj("{'A': 'a', 'B': 'x'}"));
    // defaults are copies, and the input is never touched
    assertThat(input.path("spec").path("ports").get(1).isNull()).isTrue();
  }

  @Test
  void defaultedValuesAreFreshCopies() {
    ObjectNode first = defaulter.apply(obj("{}"));
    ((ObjectNode) first.path("spec").path("delivery")).put("retry", 99);

    assertThat(defaulter.apply(obj("{}")).path("spec").path("delivery").path("retry").asInt())
        .isEqualTo(3);
  }
}
