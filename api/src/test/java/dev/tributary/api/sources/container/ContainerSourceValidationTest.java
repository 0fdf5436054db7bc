package dev.tributary.api.sources.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSourceValidationTest {
  private static final Destination BROKER =
      Destination.ofRef(KReference.of("eventing.knative.dev/v1", "Broker", null, "default"));

  private static PodTemplateSpec template(ContainerBuilder... containers) {
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .withContainers(Arrays.stream(containers).map(ContainerBuilder::build).toList())
        .endSpec()
        .build();
  }

  private static String errors(ContainerSourceSpec spec) {
    ContainerSource source = new ContainerSource();
    source.setMetadata(new ObjectMetaBuilder().withName("s").withNamespace("ns").build());
    source.setSpec(spec);
    return ContainerSourceValidation.validate(source).message();
  }

  @Test
  void valid() {
    assertThat(
            errors(
                ContainerSourceSpec.of(
                    BROKER, template(new ContainerBuilder().withName("n").withImage("i")))))
        .isEmpty();
  }

  @Test
  void missingContainers() {
    assertThat(errors(ContainerSourceSpec.of(BROKER, new PodTemplateSpec())))
        .isEqualTo("missing field(s): spec.containers");
    assertThat(errors(ContainerSourceSpec.of(BROKER, null)))
        .isEqualTo("missing field(s): spec.containers");
    assertThat(errors(ContainerSourceSpec.of(BROKER, template())))
        .isEqualTo("missing field(s): spec.containers");
  }

  @Test
  void missingImageAndName() {
    assertThat(
            errors(
                ContainerSourceSpec.of(BROKER, template(new ContainerBuilder().withName("test")))))
        .isEqualTo("missing field(s): spec.containers[0].image");
    assertThat(
            errors(
                ContainerSourceSpec.of(
                    BROKER,
                    template(
                        new ContainerBuilder().withName("ok").withImage("i"),
                        new ContainerBuilder()))))
        .isEqualTo("missing field(s): spec.containers[1].image, spec.containers[1].name");
  }

  @Test
  void emptySink() {
    assertThat(
            errors(
                ContainerSourceSpec.of(
                    new Destination(null, null, null, null),
                    template(new ContainerBuilder().withName("name").withImage("image")))))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void invalidCeOverrides() {
    ContainerSourceSpec spec =
        new ContainerSourceSpec(
            BROKER,
            new CloudEventOverrides(Map.of("Invalid_type", "any value")),
            template(new ContainerBuilder().withName("name").withImage("image")),
            null);

    assertThat(errors(spec))
        .isEqualTo(
            "invalid key name \"Invalid_type\": spec.ceOverrides.extensions\n"
                + "keys are expected to be alphanumeric");
  }

  @Test
  void invalidDelivery() {
    ContainerSourceSpec spec =
        new ContainerSourceSpec(
            BROKER,
            null,
            template(new ContainerBuilder().withName("name").withImage("image")),
            new DeliverySpec(null, null, null, "sometimes", null, null, null));

    assertThat(errors(spec)).isEqualTo("invalid value: sometimes: spec.delivery.backoffPolicy");
  }

  @Test
  void everythingAtOnce() {
    assertThat(errors(null))
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "missing field(s): spec.containers");
  }
}
