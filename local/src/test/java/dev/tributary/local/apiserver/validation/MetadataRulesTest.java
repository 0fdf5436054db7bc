package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataRulesTest {

  private final MetadataRules rules = new MetadataRules();

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "valid labels and annotations",
            "labels: {app: x, example.com/tier: web}\n  annotations: {Example.COM/Note: hi}",
            List.of()),
        Arguments.of(
            "label key with a space",
            "labels: {'a b': x}",
            List.of(
                "metadata.labels: Invalid value: \"a b\": name part must consist of alphanumeric"
                    + " characters, '-', '_' or '.', and must start and end with an alphanumeric"
                    + " character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                    + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")),
        Arguments.of(
            "label value ending in a dash",
            "labels: {app: x-}",
            List.of(
                "metadata.labels: Invalid value: \"x-\": a valid label must be an empty string or"
                    + " consist of alphanumeric characters, '-', '_' or '.', and must start and"
                    + " end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                    + " '12345', regex used for validation is"
                    + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")),
        Arguments.of(
            "label value too long",
            "labels: {app: " + "a".repeat(64) + "}",
            List.of(
                "metadata.labels: Invalid value: \""
                    + "a".repeat(64)
                    + "\": must be no more than 63 bytes")),
        Arguments.of(
            "annotation key with an empty prefix",
            "annotations: {/x: y}",
            List.of("metadata.annotations: Invalid value: \"/x\": prefix part must be non-empty")),
        Arguments.of(
            "owner reference without anything",
            "ownerReferences: [{}]",
            List.of(
                "metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be"
                    + " empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty")),
        Arguments.of(
            "two controllers",
            "ownerReferences:\n  - {apiVersion: v1, kind: A, name: a, uid: u1, controller: true}\n"
                + "  - {apiVersion: apps/v1, kind: B, name: b, uid: u2, controller: true}",
            List.of(
                "metadata.ownerReferences: Invalid value: []v1.OwnerReference{...}: Only one"
                    + " reference can have Controller set to true. Found \"true\" in references"
                    + " for A/a and B/b")),
        Arguments.of(
            "finalizer that is not a qualified name",
            "finalizers: [a/b/c]",
            List.of(
                "metadata.finalizers: Invalid value: \"a/b/c\": a valid label key must consist of"
                    + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
                    + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
                    + " with an optional DNS subdomain prefix and '/' (e.g."
                    + " 'example.com/MyName')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsUpstreamCauses(String name, String metadata, List<String> expected) {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  " + metadata + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void annotationsOverTheTotalLimitAreTooLong() {
    String big = "x".repeat(MetadataRules.ANNOTATIONS_SIZE_LIMIT);
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations: {k: " + big + "}}";
    assertThat(Fixtures.causes(rules, yaml))
        .containsExactly("metadata.annotations: Too long: must have at most 262144 bytes");
    assertThat(Fixtures.reasons(rules, yaml)).containsExactly("FieldValueTooLong");
  }

  @Test
  void uidMayNotChangeOnUpdate() {
    var old = Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, uid: one}");
    var changed = Fixtures.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, uid: two}");
    assertThat(Fixtures.causes(rules, changed, old))
        .containsExactly("metadata.uid: Invalid value: \"two\": field is immutable");
    assertThat(Fixtures.causes(rules, old.deepCopy(), old)).isEmpty();
  }
}
