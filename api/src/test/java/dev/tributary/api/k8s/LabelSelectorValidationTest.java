package dev.tributary.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorValidationTest {
  private static final String NAME_PART =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String BAD_VALUE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @Test
  void nullAndEmptyAreValid() {
    assertThat(LabelSelectorValidation.validate(null)).isEmpty();
    assertThat(LabelSelectorValidation.validate(new LabelSelector())).isEmpty();
  }

  @Test
  void validSelector() {
    LabelSelector s =
        new LabelSelectorBuilder()
            .withMatchLabels(Map.of("app", "heartbeat-cron"))
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("a", "b")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("example.com/gone")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectorValidation.validate(s)).isEmpty();
  }

  @Test
  void badLabelKey() {
    LabelSelector s = new LabelSelectorBuilder().withMatchLabels(Map.of("a b", "x")).build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains("key: Invalid value: \"a b\": " + NAME_PART);
  }

  @Test
  void badLabelValueIsReportedUnderItsKey() {
    LabelSelector s = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "-x")).build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains("values[0][app]: Invalid value: \"-x\": " + BAD_VALUE);
  }

  @Test
  void severalErrorsInOneRequirementAreBracketed() {
    LabelSelector s = new LabelSelectorBuilder().withMatchLabels(Map.of("a b", "-x")).build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains(
            "[key: Invalid value: \"a b\": "
                + NAME_PART
                + ", values[0][a b]: Invalid value: \"-x\": "
                + BAD_VALUE
                + "]");
  }

  @Test
  void unknownOperator() {
    LabelSelector s =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("Equals")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains("\"Equals\" is not a valid label selector operator");
  }

  @Test
  void inNeedsValues() {
    LabelSelector s =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("NotIn")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains(
            "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty");
  }

  @Test
  void existsTakesNoValues() {
    LabelSelector s =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("Exists")
            .withValues("a<b")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectorValidation.validate(s))
        .contains(
            "[values: Invalid value: [\"a\\u003cb\"]: values set must be empty for exists and"
                + " does not exist, values[0][app]: Invalid value: \"a<b\": "
                + BAD_VALUE
                + "]");
  }

  @Test
  void firstBadRequirementWins() {
    LabelSelector s =
        new LabelSelectorBuilder()
            .withMatchLabels(Map.of("ok", "-bad"))
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("Nope")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectorValidation.validate(s)).get().asString().startsWith("values[0][ok]");
  }
}
