package dev.tributary.local.apiserver.schema;

import static dev.tributary.local.apiserver.schema.TestJson.obj;
import static dev.tributary.local.apiserver.schema.TestJson.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages and paths as kube-openapi and apiextensions-apiserver (Kubernetes 1.32) print them. */
class SchemaValidatorTest {

  /** An object schema whose {@code spec} is {@code specSchema}. */
  private static SchemaValidator specValidator(String specSchema) {
    return new SchemaValidator(
        schema("{'type': 'object', 'properties': {'spec': %s}}".formatted(specSchema)));
  }

  private static List<String> errors(SchemaValidator validator, String object) {
    return validator.validate(obj(object)).stream().map(FieldCause::error).toList();
  }

  @Test
  void requiredFieldsAtTheRootAndNested() {
    SchemaValidator v =
        new SchemaValidator(
            schema(
                """
                {'type': 'object', 'required': ['spec'],
                 'properties': {'spec': {'type': 'object', 'required': ['a', 'b'],
                   'properties': {'a': {'type': 'string'}, 'b': {'type': 'string'}}}}}
                """));

    assertThat(v.validate(obj("{}")))
        .containsExactly(new FieldCause("spec", "FieldValueRequired", "Required value"));
    // declared properties are validated before required ones are looked for
    assertThat(errors(v, "{'spec': {'b': null}}"))
        .containsExactly(
            "spec.b: Invalid value: \"null\": spec.b in body must be of type string: \"null\"",
            "spec.a: Required value");
  }

  @Test
  void enumOfStringsAndOfNumbers() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'mode': {'type': 'string', 'enum': ['Reference', 'Resource']},
              'level': {'type': 'integer', 'enum': [1, 2]}}}
            """);

    assertThat(v.validate(obj("{'spec': {'mode': 'Other', 'level': 3}}")))
        .containsExactly(
            new FieldCause(
                "spec.mode",
                "FieldValueNotSupported",
                "Unsupported value: \"Other\": supported values: \"Reference\", \"Resource\""),
            new FieldCause(
                "spec.level",
                "FieldValueNotSupported",
                "Unsupported value: 3: supported values: \"1\", \"2\""));
    assertThat(errors(v, "{'spec': {'mode': 'Resource', 'level': 2}}")).isEmpty();
  }

  @Test
  void aWrongTypeAlsoFailsTheEnum() {
    SchemaValidator v = specValidator("{'type': 'string', 'enum': ['a', 'b']}");

    assertThat(errors(v, "{'spec': 1}"))
        .containsExactly(
            "spec: Invalid value: \"integer\": spec in body must be of type string: \"integer\"",
            "spec: Unsupported value: 1: supported values: \"a\", \"b\"");
  }

  @Test
  void numericBoundsPrintTheLimitAsTheValueIsTyped() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'replicas': {'type': 'integer', 'minimum': 1, 'maximum': 10},
              'ratio': {'type': 'number', 'minimum': 0, 'exclusiveMinimum': true,
                        'maximum': 1.5, 'exclusiveMaximum': true},
              'step': {'type': 'integer', 'multipleOf': 5}}}
            """);

    assertThat(errors(v, "{'spec': {'replicas': 11, 'ratio': 0, 'step': 12}}"))
        .containsExactly(
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal"
                + " to 10",
            "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0",
            "spec.step: Invalid value: 12: spec.step in body should be a multiple of 5");
    assertThat(errors(v, "{'spec': {'replicas': 0, 'ratio': 1.5}}"))
        .containsExactly(
            "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal"
                + " to 1",
            "spec.ratio: Invalid value: 1.5: spec.ratio in body should be less than 1.5");
    assertThat(errors(v, "{'spec': {'replicas': 10, 'ratio': 0.5, 'step': 10}}")).isEmpty();
  }

  @Test
  void stringLengthAndPatternReportOnlyTheFirstFailure() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'name': {'type': 'string', 'maxLength': 5, 'pattern': '^[a-z]+$'},
              'code': {'type': 'string', 'minLength': 3, 'pattern': '^[0-9]+$'}}}
            """);

    assertThat(v.validate(obj("{'spec': {'name': 'TOOLONG', 'code': 'ab'}}")))
        .containsExactly(
            new FieldCause(
                "spec.name", "FieldValueTooLong", "Too long: may not be more than 5 bytes"),
            new FieldCause(
                "spec.code",
                "FieldValueInvalid",
                "Invalid value: \"ab\": spec.code in body should be at least 3 chars long"));
    assertThat(errors(v, "{'spec': {'name': 'Ab', 'code': 'abc'}}"))
        .containsExactly(
            "spec.name: Invalid value: \"Ab\": spec.name in body should match '^[a-z]+$'",
            "spec.code: Invalid value: \"abc\": spec.code in body should match '^[0-9]+$'");
    // lengths count characters, not bytes
    assertThat(errors(v, "{'spec': {'name': 'ééééé'}}"))
        .containsExactly(
            "spec.name: Invalid value: \"ééééé\": spec.name in body should match '^[a-z]+$'");
  }

  @Test
  void itemAndPropertyCounts() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'few': {'type': 'array', 'minItems': 2, 'items': {'type': 'string'}},
              'many': {'type': 'array', 'maxItems': 1, 'items': {'type': 'string'}},
              'labels': {'type': 'object', 'minProperties': 1, 'maxProperties': 2,
                         'additionalProperties': {'type': 'string'}}}}
            """);

    assertThat(v.validate(obj("{'spec': {'few': ['a'], 'many': ['a', 'b'], 'labels': {}}}")))
        .containsExactly(
            new FieldCause(
                "spec.few",
                "FieldValueInvalid",
                "Invalid value: 1: spec.few in body should have at least 2 items"),
            new FieldCause(
                "spec.many", "FieldValueTooMany", "Too many: 2: must have at most 1 items"),
            new FieldCause(
                "spec.labels",
                "FieldValueInvalid",
                "Invalid value: 0: spec.labels in body should have at least 1 properties"));
    assertThat(errors(v, "{'spec': {'labels': {'a': 'x', 'b': 'y', 'c': 'z'}}}"))
        .containsExactly("spec.labels: Too many: 3: must have at most 2 items");
  }

  @Test
  void additionalPropertiesAreNamedWithADot() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}},
              'closed': {'type': 'object', 'additionalProperties': false}}}
            """);

    assertThat(errors(v, "{'spec': {'labels': {'app.kubernetes.io/name': 1}, 'closed': {'x': 1}}}"))
        .containsExactly(
            "spec.labels.app.kubernetes.io/name: Invalid value: \"integer\":"
                + " spec.labels.app.kubernetes.io/name in body must be of type string: \"integer\"",
            "spec.closed: Invalid value: \"x\": spec.closed.x in body is a forbidden property");
  }

  @Test
  void nullableAcceptsNullAndIntOrStringAcceptsBoth() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'maybe': {'type': 'string', 'nullable': true},
              'port': {'x-kubernetes-int-or-string': true}}}
            """);

    assertThat(errors(v, "{'spec': {'maybe': null, 'port': 8080}}")).isEmpty();
    assertThat(errors(v, "{'spec': {'port': 'http'}}")).isEmpty();
    assertThat(errors(v, "{'spec': {'port': true}}"))
        .containsExactly(
            "spec.port: Invalid value: \"boolean\": spec.port in body must be of type"
                + " integer,string: \"boolean\"");
  }

  @Test
  void supportedFormatsAreCheckedAndOthersIgnored() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'at': {'type': 'string', 'format': 'date-time'},
              'id': {'type': 'string', 'format': 'uuid'},
              'count': {'type': 'integer', 'format': 'int32'}}}
            """);

    assertThat(
            errors(
                v,
                "{'spec': {'at': '2025-01-01T10:00:00Z', 'id': '3f2504e0-4f89-11d3-9a0c-0305e82c3301',"
                    + " 'count': 3000000000}}"))
        .isEmpty();
    assertThat(v.validate(obj("{'spec': {'at': 'yesterday', 'id': 'nope'}}")))
        .containsExactly(
            new FieldCause(
                "spec.at",
                "FieldValueTypeInvalid",
                "Invalid value: \"yesterday\": spec.at in body must be of type date-time:"
                    + " \"yesterday\""),
            new FieldCause(
                "spec.id",
                "FieldValueTypeInvalid",
                "Invalid value: \"nope\": spec.id in body must be of type uuid: \"nope\""));
  }

  @Test
  void junctorsAddAnErrorWithoutAField() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'one': {'type': 'string', 'oneOf': [{'pattern': '^a'}, {'pattern': 'b$'}]},
              'any': {'type': 'string', 'anyOf': [{'maxLength': 1}, {'pattern': '^x'}]},
              'all': {'type': 'string', 'allOf': [{'maxLength': 1}, {'pattern': '^x'}]},
              'not': {'type': 'string', 'not': {'pattern': '^x'}}}}
            """);

    assertThat(errors(v, "{'spec': {'one': 'ab', 'any': 'yy', 'all': 'yy', 'not': 'xx'}}"))
        .containsExactly(
            "<nil>: Invalid value: \"\": \"spec.one\" must validate one and only one schema"
                + " (oneOf). Found 2 valid alternatives",
            "<nil>: Invalid value: \"\": \"spec.any\" must validate at least one schema (anyOf)",
            "spec.any: Too long: may not be more than 1 bytes",
            "spec.all: Too long: may not be more than 1 bytes",
            "spec.all: Invalid value: \"yy\": spec.all in body should match '^x'",
            "<nil>: Invalid value: \"\": \"spec.all\" must validate all the schemas (allOf). None"
                + " validated",
            "<nil>: Invalid value: \"\": \"spec.not\" must not validate the schema (not)");
  }

  @Test
  void embeddedResourcesNeedApiVersionAndKind() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {'template': {'type': 'object',
              'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true}}}
            """);

    assertThat(errors(v, "{'spec': {'template': {'apiVersion': 'v1', 'kind': 'Pod'}}}")).isEmpty();
    assertThat(errors(v, "{'spec': {'template': {'kind': 'Pod_Thing'}}}"))
        .containsExactly(
            "spec.template.apiVersion: Required value",
            "spec.template.kind: Invalid value: \"Pod_Thing\": may have mixed case, but should"
                + " otherwise match: a DNS-1035 label must consist of lower case alphanumeric"
                + " characters or '-', start with an alphabetic character, and end with an"
                + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
                + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void setAndMapListsRejectRepeats() {
    SchemaValidator v =
        specValidator(
            """
            {'type': 'object', 'properties': {
              'tags': {'type': 'array', 'x-kubernetes-list-type': 'set', 'items': {'type': 'string'}},
              'ports': {'type': 'array', 'x-kubernetes-list-type': 'map',
                        'x-kubernetes-list-map-keys': ['name'],
                        'items': {'type': 'object', 'properties': {
                          'name': {'type': 'string'}, 'port': {'type': 'integer'}}}}}}
            """);

    assertThat(
            v.validate(
                obj(
                    "{'spec': {'tags': ['a', 'b', 'a', 'a'], 'ports': [{'name': 'http', 'port': 80},"
                        + " {'name': 'http', 'port': 8080}]}}")))
        .extracting(FieldCause::error)
        .containsExactly(
            "spec.tags[2]: Duplicate value: \"a\"",
            "spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}");
  }

  @Test
  void aValidatorWithoutSchemaAcceptsEverything() {
    assertThat(new SchemaValidator(null).validate(obj("{'anything': 1}"))).isEmpty();
    assertThat(SchemaValidator.forStatus(schema("{'type': 'object'}")).validate(obj("{}")))
        .isEmpty();
  }
}
