package dev.tributary.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentValidationTest {
  private static final String LABEL_REGEX_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String NAME_PART_MESSAGE =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  @ParameterizedTest
  @ValueSource(strings = {"a", "my-name", "123-abc", "0"})
  void dns1123LabelAccepts(String value) {
    assertThat(ContentValidation.isDns1123Label(value)).isEmpty();
  }

  @Test
  void dns1123LabelRejectsUpperCaseAndEdges() {
    assertThat(ContentValidation.isDns1123Label("My-name")).containsExactly(LABEL_REGEX_MESSAGE);
    assertThat(ContentValidation.isDns1123Label("-a")).containsExactly(LABEL_REGEX_MESSAGE);
    assertThat(ContentValidation.isDns1123Label("")).containsExactly(LABEL_REGEX_MESSAGE);
  }

  @Test
  void dns1123LabelSaysDotsWhenOnlyDotsAreWrong() {
    assertThat(ContentValidation.isDns1123Label("a.b")).containsExactly("must not contain dots");
  }

  @Test
  void dns1123LabelReportsLengthAndFormat() {
    assertThat(ContentValidation.isDns1123Label("a".repeat(64)))
        .containsExactly("must be no more than 63 bytes");
    assertThat(ContentValidation.isDns1123Label("a".repeat(63))).isEmpty();
    assertThat(ContentValidation.isDns1123Label("A".repeat(64)))
        .containsExactly("must be no more than 63 bytes", LABEL_REGEX_MESSAGE);
  }

  @Test
  void dns1123LabelDoesNotLetAFinalNewlineThrough() {
    // Go's $ matches only at the very end; java.util.regex's would accept "a\n".
    assertThat(ContentValidation.isDns1123Label("a\n")).containsExactly(LABEL_REGEX_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"v1", "apps/v1", "batch/v1", "serving.knative.dev/v1", "sources.knative.dev/v1"})
  void qualifiedNameAcceptsApiVersions(String value) {
    assertThat(ContentValidation.isQualifiedName(value)).isEmpty();
  }

  @Test
  void qualifiedNameChecksPrefixAndName() {
    assertThat(ContentValidation.isQualifiedName("/v1"))
        .containsExactly("prefix part must be non-empty");
    assertThat(ContentValidation.isQualifiedName("apps/"))
        .containsExactly("name part must be non-empty", NAME_PART_MESSAGE);
    assertThat(ContentValidation.isQualifiedName("Apps/v1"))
        .containsExactly(
            "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                + " characters, '-' or '.', and must start and end with an alphanumeric character"
                + " (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(ContentValidation.isQualifiedName("v 1")).containsExactly(NAME_PART_MESSAGE);
    assertThat(ContentValidation.isQualifiedName("x".repeat(64)))
        .containsExactly("name part must be no more than 63 bytes");
  }

  @Test
  void qualifiedNameRejectsTwoSlashes() {
    assertThat(ContentValidation.isQualifiedName("a/b/c"))
        .containsExactly(
            "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must"
                + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name', "
                + " or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain"
                + " prefix and '/' (e.g. 'example.com/MyName')");
  }

  @Test
  void cIdentifier() {
    assertThat(ContentValidation.isCIdentifier("Job")).isEmpty();
    assertThat(ContentValidation.isCIdentifier("_x9")).isEmpty();
    assertThat(ContentValidation.isCIdentifier("9Job"))
        .containsExactly(
            "a valid C identifier must start with alphabetic character or '_', followed by a"
                + " string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or"
                + " 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')");
  }

  @Test
  void labelValue() {
    assertThat(ContentValidation.isLabelValue("")).isEmpty();
    assertThat(ContentValidation.isLabelValue("heartbeat-cron")).isEmpty();
    assertThat(ContentValidation.isLabelValue("-x"))
        .containsExactly(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
                + " or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', "
                + " or 'my_value',  or '12345', regex used for validation is"
                + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    assertThat(ContentValidation.isLabelValue("v".repeat(64)))
        .containsExactly("must be no more than 63 bytes");
  }
}
