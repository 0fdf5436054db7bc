package dev.tributary.api.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.validation.FieldError;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceValidationTest {
  private static final LabelSelector APP =
      new LabelSelectorBuilder().withMatchLabels(Map.of("app", "heartbeat-cron")).build();

  @Test
  void validByNameAndBySelector() {
    assertThat(ReferenceValidation.validate(Reference.byName("apps/v1", "Deployment", "ns", "d")))
        .isEqualTo(FieldError.NONE);
    assertThat(ReferenceValidation.validate(Reference.bySelector("batch/v1", "Job", "ns", APP)))
        .matches(e -> e.isEmpty());
    assertThat(
            ReferenceValidation.validate(
                Reference.bySelector("batch/v1", "Job", "ns", new LabelSelector())))
        .matches(e -> e.isEmpty(), "an empty selector selects everything and is valid");
  }

  @Test
  void emptyReference() {
    assertThat(ReferenceValidation.validate(new Reference(null, "", null, null, null)).message())
        .isEqualTo(
            "expected exactly one, got neither: name, selector\n"
                + "missing field(s): apiVersion, kind, namespace");
    assertThat(ReferenceValidation.validate(null).message())
        .isEqualTo(
            "expected exactly one, got neither: name, selector\n"
                + "missing field(s): apiVersion, kind, namespace");
  }

  @Test
  void nameAndSelectorTogether() {
    assertThat(
            ReferenceValidation.validate(new Reference("batch/v1", "Job", "ns", "j", APP))
                .message())
        .isEqualTo("expected exactly one, got both: name, selector");
  }

  @Test
  void badFormats() {
    assertThat(
            ReferenceValidation.validate(Reference.byName("a/b/c", "9Job", "Ns", "my.job"))
                .message())
        .isEqualTo(
            "invalid value: a lowercase RFC 1123 label must consist of lower case alphanumeric"
                + " characters or '-', and must start and end with an alphanumeric character"
                + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?'): namespace\n"
                + "invalid value: a valid C identifier must start with alphabetic character or"
                + " '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name', "
                + " or 'MY_NAME',  or 'MyName', regex used for validation is"
                + " '[A-Za-z_][A-Za-z0-9_]*'): kind\n"
                + "invalid value: a valid label key must consist of alphanumeric characters, '-',"
                + " '_' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain"
                + " prefix and '/' (e.g. 'example.com/MyName'): apiVersion\n"
                + "invalid value: must not contain dots: name");
  }

  @Test
  void badSelector() {
    LabelSelector bad =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("in")
            .endMatchExpression()
            .build();

    assertThat(ReferenceValidation.validate(Reference.bySelector("batch/v1", "Job", "ns", bad)))
        .hasToString("invalid value: \"in\" is not a valid label selector operator: selector");
  }

  @Test
  void defaultNamespaceFillsOnlyWhenEmpty() {
    assertThat(Reference.byName("v1", "Pod", "", "p").withDefaultNamespace("ns").namespace())
        .isEqualTo("ns");
    assertThat(Reference.byName("v1", "Pod", "own", "p").withDefaultNamespace("ns").namespace())
        .isEqualTo("own");
  }
}
