package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralSchemaCheckTest {

  private static final String PATH = "spec.versions[0].schema.openAPIV3Schema";

  private static List<String> check(String schema) {
    return StructuralSchemaCheck.check(node(schema), PATH).stream().map(FieldCause::error).toList();
  }

  @Test
  void everyNodeNeedsATypeExceptUnderPreserveUnknownFieldsOrIntOrString() {
    assertThat(
            check(
                """
                {'properties': {'spec': {'properties': {
                  'free': {'x-kubernetes-preserve-unknown-fields': true},
                  'port': {'x-kubernetes-int-or-string': true},
                  'list': {'type': 'array', 'items': {}},
                  'bad': {'type': 'array'}}}}}
                """))
        .containsExactly(
            PATH + ".properties[spec].properties[bad].items: Required value: must be specified",
            PATH
                + ".properties[spec].properties[list].items.type: Required value: must not be empty"
                + " for specified array items",
            PATH
                + ".properties[spec].type: Required value: must not be empty for specified object"
                + " fields",
            PATH + ".type: Required value: must not be empty at the root");
  }

  @Test
  void theRootIsAnObjectWithoutAdditionalPropertiesOrRestrictedMetadata() {
    assertThat(
            check(
                """
                {'type': 'object', 'additionalProperties': {'type': 'string'},
                 'properties': {'metadata': {'type': 'object', 'properties': {
                   'name': {'type': 'string'}, 'labels': {'type': 'object'}}}}}
                """))
        .containsExactly(
            PATH + ".additionalProperties: Forbidden: must not be used at the root",
            PATH
                + ".properties[metadata]: Forbidden: must not specify anything other than name and"
                + " generateName, but metadata is implicitly specified",
            PATH
                + ".additionalProperties: Forbidden: additionalProperties and properties are"
                + " mutual exclusive");
    assertThat(
            check(
                """
                {'type': 'object', 'properties': {'metadata': {'type': 'object', 'properties': {
                  'name': {'type': 'string', 'maxLength': 20}}}}}
                """))
        .isEmpty();
    assertThat(check("{'type': 'string'}"))
        .containsExactly(PATH + ".type: Invalid value: \"string\": must be object at the root");
  }

  @Test
  void junctorsMayNotCarryStructureButTheIntOrStringIdiomIsAllowed() {
    assertThat(
            check(
                """
                {'type': 'object', 'properties': {
                  'port': {'x-kubernetes-int-or-string': true,
                           'anyOf': [{'type': 'integer'}, {'type': 'string'}]},
                  'odd': {'type': 'string', 'anyOf': [{'type': 'string', 'default': 'x'}],
                          'not': {'nullable': true}}}}
                """))
        .containsExactly(
            PATH
                + ".properties[odd].anyOf[0].default: Forbidden: must be undefined to be structural",
            PATH + ".properties[odd].anyOf[0].type: Forbidden: must be empty to be structural",
            PATH + ".properties[odd].not.nullable: Forbidden: must be false to be structural");
  }

  @Test
  void unsupportedKeywordsAndMalformedListTypesAreRejected() {
    assertThat(
            check(
                """
                {'type': 'object', 'properties': {
                  'a': {'type': 'array', 'uniqueItems': true, 'items': {'type': 'string'}},
                  'b': {'type': 'array', 'x-kubernetes-list-type': 'map', 'items': {'type': 'string'}},
                  'c': {'type': 'object', '$ref': '#/definitions/x',
                        'x-kubernetes-preserve-unknown-fields': false}}}
                """))
        .containsExactly(
            PATH
                + ".properties[a].uniqueItems: Forbidden: uniqueItems cannot be set to true since"
                + " the runtime complexity becomes quadratic",
            PATH
                + ".properties[b].x-kubernetes-list-map-keys: Required value: must not be empty if"
                + " x-kubernetes-list-type is map",
            PATH
                + ".properties[b].items.type: Invalid value: \"string\": must be object if parent"
                + " array's x-kubernetes-list-type is map",
            PATH + ".properties[c].$ref: Forbidden: $ref is not supported",
            PATH
                + ".properties[c].x-kubernetes-preserve-unknown-fields: Invalid value: false: must"
                + " be true or undefined");
  }

  @Test
  void embeddedResourcesMustBeObjectsWithProperties() {
    assertThat(
            check(
                """
                {'type': 'object', 'properties': {
                  'template': {'x-kubernetes-embedded-resource': true}}}
                """))
        .containsExactly(
            PATH
                + ".properties[template].properties: Required value: must not be empty if"
                + " x-kubernetes-embedded-resource is true without"
                + " x-kubernetes-preserve-unknown-fields",
            PATH
                + ".properties[template].type: Required value: must be object if"
                + " x-kubernetes-embedded-resource is true");
  }

  @Test
  void anUndecodableKeywordIsReportedNotThrown() {
    assertThat(check("{'type': 'object', 'properties': {'spec': {'type': 5}}}"))
        .containsExactly(PATH + ".properties[spec].type: Invalid value: \"\": must be a string");
  }
}
