package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkBindingValidationTest {
  private static final Destination SINK =
      Destination.ofRef(KReference.of("serving.knative.dev/v1", "Service", "moore", "gemma"));
  private static final Reference SUBJECT =
      Reference.byName("apps/v1", "Deployment", "moore", "jeanne");
  private static final LabelSelector JOBS =
      new LabelSelectorBuilder().withMatchLabels(Map.of("app", "heartbeat-cron")).build();

  private static SinkBinding binding(String namespace, SinkBindingSpec spec) {
    SinkBinding b = new SinkBinding();
    b.setMetadata(new ObjectMetaBuilder().withName("matt").withNamespace(namespace).build());
    b.setSpec(spec);
    return b;
  }

  private static String errors(String namespace, SinkBindingSpec spec) {
    return SinkBindingValidation.validate(binding(namespace, spec)).message();
  }

  @Test
  void validByNameAndBySelector() {
    assertThat(errors("moore", SinkBindingSpec.of(SUBJECT, SINK))).isEmpty();
    assertThat(
            errors(
                "moore",
                SinkBindingSpec.of(Reference.bySelector("batch/v1", "Job", "moore", JOBS), SINK)))
        .isEmpty();
  }

  @Test
  void missingSubjectNamespace() {
    Reference noNamespace = Reference.byName("apps/v1", "Deployment", null, "jeanne");

    assertThat(errors("moore", SinkBindingSpec.of(noNamespace, SINK)))
        .isEqualTo("missing field(s): spec.subject.namespace");
  }

  @Test
  void subjectNamespaceMustBeTheBindingsOwn() {
    Reference elsewhere = Reference.byName("apps/v1", "Deployment", "lorefice", "jeanne");

    assertThat(errors("moore", SinkBindingSpec.of(elsewhere, SINK)))
        .isEqualTo("invalid value: lorefice: spec.subject.namespace");
  }

  @Test
  void missingSink() {
    assertThat(
            errors("moore", SinkBindingSpec.of(SUBJECT, new Destination(null, null, null, null))))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
    assertThat(errors("moore", SinkBindingSpec.of(SUBJECT, null)))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void invalidCeOverrides() {
    SinkBindingSpec spec =
        new SinkBindingSpec(
            SINK, new CloudEventOverrides(Map.of("Invalid_type", "any value")), SUBJECT, null);

    assertThat(errors("moore", spec))
        .isEqualTo(
            "invalid key name \"Invalid_type\": spec.ceOverrides.extensions\n"
                + "keys are expected to be alphanumeric");
  }

  @Test
  void invalidDelivery() {
    SinkBindingSpec spec =
        new SinkBindingSpec(
            SINK, null, SUBJECT, new DeliverySpec(null, -1, null, null, null, null, null));

    assertThat(errors("moore", spec)).isEqualTo("invalid value: -1: spec.delivery.retry");
  }

  @Test
  void subjectNeedsExactlyOneOfNameAndSelector() {
    assertThat(
            errors(
                "moore",
                SinkBindingSpec.of(new Reference("batch/v1", "Job", "moore", null, null), SINK)))
        .isEqualTo("expected exactly one, got neither: spec.subject.name, spec.subject.selector");
    assertThat(
            errors(
                "moore",
                SinkBindingSpec.of(new Reference("batch/v1", "Job", "moore", "j", JOBS), SINK)))
        .isEqualTo("expected exactly one, got both: spec.subject.name, spec.subject.selector");
  }

  @Test
  void subjectFormats() {
    Reference bad = Reference.byName("batch/v1", "Cron Job", "moore", "Heartbeat");

    assertThat(errors("moore", SinkBindingSpec.of(bad, SINK)))
        .isEqualTo(
            "invalid value: a lowercase RFC 1123 label must consist of lower case alphanumeric"
                + " characters or '-', and must start and end with an alphanumeric character"
                + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?'): spec.subject.name\n"
                + "invalid value: a valid C identifier must start with alphabetic character or"
                + " '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name', "
                + " or 'MY_NAME',  or 'MyName', regex used for validation is"
                + " '[A-Za-z_][A-Za-z0-9_]*'): spec.subject.kind");
  }

  @Test
  void subjectSelectorMustParse() {
    LabelSelector bad = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "-x")).build();

    assertThat(
            errors(
                "moore",
                SinkBindingSpec.of(Reference.bySelector("batch/v1", "Job", "moore", bad), SINK)))
        .isEqualTo(
            "invalid value: values[0][app]: Invalid value: \"-x\": a valid label must be an empty"
                + " string or consist of alphanumeric characters, '-', '_' or '.', and must start"
                + " and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                + " '12345', regex used for validation is"
                + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'): spec.subject.selector");
  }

  @Test
  void emptySpecReportsEverythingAtOnce() {
    assertThat(errors("moore", null))
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "expected exactly one, got neither: spec.subject.name, spec.subject.selector\n"
                + "missing field(s): spec.subject.apiVersion, spec.subject.kind,"
                + " spec.subject.namespace");
  }

  @Test
  void defaultedBindingFromTheWalkthroughIsValid() {
    SinkBinding b =
        binding(
            "default",
            new SinkBindingSpec(
                Destination.ofRef(KReference.of("v1", "Service", null, "event-display")),
                new CloudEventOverrides(Map.of("hello", "world")),
                Reference.bySelector("batch/v1", "Job", null, JOBS),
                null));

    assertThat(SinkBindingValidation.validate(b).message())
        .isEqualTo("missing field(s): spec.subject.namespace");
    assertThat(SinkBindingValidation.validate(SinkBindingDefaults.apply(b)).isEmpty()).isTrue();
  }
}
