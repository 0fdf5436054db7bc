package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.obj;
import static dev.tributary.local.apiserver.schema.TestJson.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PrunerTest {

  @Test
  void preserveUnknownFieldsAtANestedLevelKeepsOnlyThatSubtree() {
    Pruner pruner =
        new Pruner(
            schema(
                """
                {'type': 'object', 'properties': {'spec': {'type': 'object', 'properties': {
                  'open': {'type': 'object', 'x-kubernetes-preserve-unknown-fields': true,
                           'properties': {'known': {'type': 'object', 'properties': {
                             'a': {'type': 'string'}}}}},
                  'closed': {'type': 'object', 'properties': {'a': {'type': 'string'}}}}}}}
                """));

    PruneResult result =
        pruner.prune(
            obj(
                """
                {'spec': {'open': {'anything': {'deep': [1, {'x': 2}]}, 'known': {'a': 'x', 'b': 'y'}},
                          'closed': {'a': 'x', 'b': 'y'}}}
                """));

    assertThat(result.object())
        .isEqualTo(
            obj(
                """
                {'spec': {'open': {'anything': {'deep': [1, {'x': 2}]}, 'known': {'a': 'x'}},
                          'closed': {'a': 'x'}}}
                """));
    assertThat(result.unknownFields()).containsExactly("spec.closed.b", "spec.open.known.b");
  }

  @Test
  void additionalPropertiesKeepKeysAndPruneValuesByTheirSchema() {
    Pruner pruner =
        new Pruner(
            schema(
                """
                {'type': 'object', 'properties': {
                  'typed': {'type': 'object', 'additionalProperties': {'type': 'object',
                            'properties': {'a': {'type': 'string'}}}},
                  'any': {'type': 'object', 'additionalProperties': true}}}
                """));

    PruneResult result =
        pruner.prune(
            obj(
                "{'typed': {'k1': {'a': 'x', 'b': 'y'}}, 'any': {'s': 'kept', 'o': {'emptied': 1}}}"));

    // additionalProperties: true declares no schema for the values, so objects in them are emptied
    assertThat(result.object())
        .isEqualTo(obj("{'typed': {'k1': {'a': 'x'}}, 'any': {'s': 'kept', 'o': {}}}"));
    assertThat(result.unknownFields()).containsExactly("any.o.emptied", "typed.k1.b");
  }

  @Test
  void embeddedResourcesKeepTypeAndObjectMetaButOnlyObjectMetaFields() {
    Pruner pruner =
        new Pruner(
            schema(
                """
                {'type': 'object', 'properties': {'template': {'type': 'object',
                  'x-kubernetes-embedded-resource': true,
                  'properties': {'spec': {'type': 'object', 'properties': {'a': {'type': 'string'}}}}}}}
                """));

    PruneResult result =
        pruner.prune(
            obj(
                """
                {'apiVersion': 'x/v1', 'kind': 'X', 'metadata': {'name': 'n', 'bogus': 1,
                   'ownerReferences': [{'kind': 'K', 'name': 'o', 'weird': true}]},
                 'template': {'apiVersion': 'v1', 'kind': 'Pod',
                   'metadata': {'labels': {'a': 'b'}, 'nope': 1},
                   'spec': {'a': 'x', 'b': 'y'}, 'status': {}}}
                """));

    assertThat(result.object())
        .isEqualTo(
            obj(
                """
                {'apiVersion': 'x/v1', 'kind': 'X', 'metadata': {'name': 'n',
                   'ownerReferences': [{'kind': 'K', 'name': 'o'}]},
                 'template': {'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'labels': {'a': 'b'}},
                   'spec': {'a': 'x'}}}
                """));
    assertThat(result.unknownFields())
        .containsExactly(
            "metadata.bogus",
            "metadata.ownerReferences[0].weird",
            "template.spec.b",
            "template.status",
            "template.metadata.nope");
  }

  @Test
  void arraysArePrunedItemByItem() {
    Pruner pruner =
        new Pruner(
            schema(
                """
                {'type': 'object', 'properties': {'list': {'type': 'array', 'items': {
                  'type': 'object', 'properties': {'a': {'type': 'integer'}}}}}}
                """));

    PruneResult result = pruner.prune(obj("{'list': [{'a': 1, 'b': 2}, {'c': 3}, 'scalar']}"));

    assertThat(result.object()).isEqualTo(obj("{'list': [{'a': 1}, {}, 'scalar']}"));
    assertThat(result.unknownFields()).containsExactly("list[0].b", "list[1].c");
  }

  @Test
  void nullsStayOnlyWhereNullableOrDefaulted() {
    Pruner pruner =
        new Pruner(
            schema(
                """
                {'type': 'object', 'properties': {
                  'plain': {'type': 'string'},
                  'nullable': {'type': 'string', 'nullable': true},
                  'defaulted': {'type': 'string', 'default': 'd'},
                  'map': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}
                """));

    PruneResult result =
        pruner.prune(
            obj("{'plain': null, 'nullable': null, 'defaulted': null, 'map': {'k': null}}"));

    assertThat(result.object()).isEqualTo(obj("{'nullable': null, 'defaulted': null, 'map': {}}"));
    assertThat(result.unknownFields()).isEmpty();
  }

  @Test
  void withoutSchemaOnlyTypeAndObjectMetaSurviveAndTheInputIsUntouched() {
    ObjectNode input =
        obj("{'apiVersion': 'v1', 'kind': 'K', 'metadata': {'name': 'n'}, 'spec': {}}");

    PruneResult result = new Pruner(null).prune(input);

    assertThat(result.object())
        .isEqualTo(obj("{'apiVersion': 'v1', 'kind': 'K', 'metadata': {'name': 'n'}}"));
    assertThat(result.unknownFields()).containsExactly("spec");
    assertThat(input.has("spec")).isTrue();
  }
}
