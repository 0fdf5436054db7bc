package dev.tributary.local.apiserver.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.defaults.BuiltinDefaults;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchRulesTest {

  private static final String POD =
      "{spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}";

  private final BatchRules rules = new BatchRules();
  private final BuiltinDefaults defaults = new BuiltinDefaults();

  /** A Job as the server has it after its create hook: uid set and selector generated. */
  private ObjectNode createdJob(String spec) {
    ObjectNode job =
        Fixtures.yaml(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, uid: u-1}\nspec: " + spec);
    defaults.prepareForCreate(Fixtures.type("batch/v1", "Job"), job);
    return job;
  }

  @Test
  void generatedSelectorMakesAPlainJobValid() {
    ObjectNode job = createdJob("{template: " + POD + "}");
    assertThat(job.at("/spec/selector/matchLabels").toString())
        .isEqualTo("{\"batch.kubernetes.io/controller-uid\":\"u-1\"}");
    assertThat(job.at("/spec/template/metadata/labels"))
        .isEqualTo(
            Fixtures.yaml(
                "{job-name: j, controller-uid: u-1, batch.kubernetes.io/job-name: j,"
                    + " batch.kubernetes.io/controller-uid: u-1}"));
    assertThat(Fixtures.causes(rules, job, null)).isEmpty();
  }

  @Test
  void jobTemplateNeedsOnFailureOrNever() {
    assertThat(
            Fixtures.causes(
                rules, createdJob("{template: {spec: {containers: [{name: c, image: i}]}}}"), null))
        .containsExactly(
            "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\","
                + " \"Never\"");
    assertThat(
            Fixtures.causes(
                rules,
                createdJob(
                    "{template: {spec: {restartPolicy: Sometimes, containers: [{name: c, image: i}]}}}"),
                null))
        .containsExactly(
            // The pod spec's own check, then the Job's: upstream reports both.
            "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported"
                + " values: \"Always\", \"OnFailure\", \"Never\"",
            "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported"
                + " values: \"OnFailure\", \"Never\"");
  }

  @Test
  void negativeCountsAndConflictingLabels() {
    ObjectNode job =
        createdJob(
            "{parallelism: -1, completions: -2, backoffLimit: -3, template: {metadata: {labels: {job-name: other}}, spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}}");
    assertThat(Fixtures.causes(rules, job, null))
        .containsExactly(
            "spec.template.metadata.labels[job-name]: Invalid value:"
                + " map[string]string{\"batch.kubernetes.io/controller-uid\":\"u-1\","
                + " \"batch.kubernetes.io/job-name\":\"j\", \"controller-uid\":\"u-1\","
                + " \"job-name\":\"other\"}: must be 'j'",
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
            "spec.completions: Invalid value: -2: must be greater than or equal to 0",
            "spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0");
  }

  @Test
  void manualSelectorMustBeGivenAndMatch() {
    ObjectNode job = createdJob("{manualSelector: true, template: " + POD + "}");
    assertThat(Fixtures.causes(rules, job, null))
        .containsExactly(
            "spec.selector: Required value",
            "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does"
                + " not match template `labels`");
  }

  @Test
  void selectorAndTemplateAreImmutable() {
    ObjectNode old = createdJob("{template: " + POD + "}");
    ObjectNode changed = old.deepCopy();
    ((ObjectNode) changed.at("/spec/template/spec/containers/0")).put("image", "j");
    assertThat(Fixtures.causes(rules, changed, old))
        .containsExactly(
            "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable");
    ObjectNode parallel = old.deepCopy();
    ((ObjectNode) parallel.get("spec")).put("parallelism", 3);
    assertThat(Fixtures.causes(rules, parallel, old)).isEmpty();
  }

  static Stream<Arguments> cronJobs() {
    String template = "jobTemplate: {spec: {template: " + POD + "}}";
    return Stream.of(
        Arguments.of("batch/v1beta1", "schedule: '* * * * *'\n  " + template, List.of()),
        Arguments.of("batch/v1", "schedule: '@every 5m'\n  " + template, List.of()),
        Arguments.of("batch/v1", template, List.of("spec.schedule: Required value")),
        Arguments.of(
            "batch/v1",
            "schedule: '0 * * * * *'\n  " + template,
            List.of(
                "spec.schedule: Invalid value: \"0 * * * * *\": expected exactly 5 fields, found"
                    + " 6: [0 * * * * *]")),
        Arguments.of(
            "batch/v1",
            "schedule: 'TZ=UTC * * * * *'\n  " + template,
            List.of(
                "spec.schedule: Invalid value: \"TZ=UTC * * * * *\": cannot use TZ or CRON_TZ in"
                    + " schedule, use timeZone field instead")),
        Arguments.of(
            "batch/v1",
            "schedule: '* * * * *'\n  timeZone: Mars/Olympus\n  concurrencyPolicy: Sometimes\n  "
                + template,
            List.of(
                "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
                "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values:"
                    + " \"Allow\", \"Forbid\", \"Replace\"")),
        Arguments.of(
            "batch/v1",
            "schedule: '* * * * *'",
            List.of(
                "spec.jobTemplate.spec.template.spec.containers: Required value",
                "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values:"
                    + " \"OnFailure\", \"Never\"")),
        Arguments.of(
            "batch/v1",
            "schedule: '* * * * *'\n  jobTemplate: {spec: {manualSelector: true, selector: {matchLabels: {a: b}}, template: "
                + POD
                + "}}",
            List.of(
                "spec.jobTemplate.spec.selector: Invalid value: &LabelSelector{MatchLabels:"
                    + "map[string]string{a: b,},MatchExpressions:[]LabelSelectorRequirement{},}:"
                    + " `selector` will be auto-generated",
                "spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values:"
                    + " \"nil\", \"false\"")));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("cronJobs")
  void cronJobs(String apiVersion, String spec, List<String> expected) {
    String yaml =
        "apiVersion: "
            + apiVersion
            + "\nkind: CronJob\nmetadata: {name: c}\nspec:\n  "
            + spec
            + "\n";
    assertThat(Fixtures.causes(rules, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void cronJobNamesAreAtMost52Characters() {
    String name = "c".repeat(53);
    String yaml =
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: "
            + name
            + "}\nspec: {schedule: '@hourly', jobTemplate: {spec: {template: "
            + POD
            + "}}}";
    assertThat(Fixtures.causes(rules, yaml))
        .containsExactly(
            "metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters");
  }
}
