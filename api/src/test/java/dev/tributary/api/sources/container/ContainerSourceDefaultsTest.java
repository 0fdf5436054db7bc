package dev.tributary.api.sources.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import org.junit.jupiter.api.Test;

class ContainerSourceDefaultsTest {
  private static final Destination SINK =
      Destination.ofRef(KReference.of("v1", "Service", null, "event-display"));

  private static PodTemplateSpec template(Container... containers) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", "x")
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .endSpec()
        .build();
  }

  private static Container image(String image) {
    return new ContainerBuilder().withImage(image).build();
  }

  @Test
  void namesAnUnnamedContainer() {
    ContainerSourceSpec got =
        ContainerSourceDefaults.apply(
            ContainerSourceSpec.of(SINK, template(image("test-image"))), "test-name");

    assertThat(got.template().getSpec().getContainers())
        .containsExactly(
            new ContainerBuilder().withName("test-name-0").withImage("test-image").build());
  }

  @Test
  void namesByIndexAndKeepsGivenNames() {
    Container named = new ContainerBuilder().withName("test-container").withImage("a").build();

    ContainerSourceSpec got =
        ContainerSourceDefaults.apply(
            ContainerSourceSpec.of(SINK, template(named, image("b"))), "test-name");

    assertThat(got.template().getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("test-container", "test-name-1");
    assertThat(got.template().getMetadata().getLabels()).containsEntry("app", "x");
  }

  @Test
  void leavesTheSinkAlone() {
    ContainerSourceSpec got =
        ContainerSourceDefaults.apply(ContainerSourceSpec.of(SINK, template(image("a"))), "s");

    assertThat(got.sink()).isEqualTo(SINK);
  }

  @Test
  void idempotentAndPure() {
    ContainerSourceSpec spec = ContainerSourceSpec.of(SINK, template(image("a"), image("b")));
    PodTemplateSpec before = new PodTemplateSpecBuilder(spec.template()).build();

    ContainerSourceSpec once = ContainerSourceDefaults.apply(spec, "s");

    assertThat(ContainerSourceDefaults.apply(once, "s")).isEqualTo(once);
    assertThat(spec.template()).isEqualTo(before);
    assertThat(spec.template().getSpec().getContainers().get(0).getName()).isNull();
  }

  @Test
  void noTemplateIsLeftForValidation() {
    ContainerSourceSpec spec = ContainerSourceSpec.of(SINK, null);

    assertThat(ContainerSourceDefaults.apply(spec, "s")).isSameAs(spec);
    assertThat(ContainerSourceDefaults.apply((ContainerSourceSpec) null, "s")).isNull();
  }

  @Test
  void wholeResourceUsesItsName() {
    ContainerSource source = new ContainerSource();
    source.setMetadata(
        new ObjectMetaBuilder().withName("test-container-source").withNamespace("d").build());
    source.setSpec(ContainerSourceSpec.of(SINK, template(image("heartbeats"))));

    ContainerSource got = ContainerSourceDefaults.apply(source);

    assertThat(got.getSpec().template().getSpec().getContainers().get(0).getName())
        .isEqualTo("test-container-source-0");
    assertThat(got.getMetadata()).isEqualTo(source.getMetadata()).isNotSameAs(source.getMetadata());
    assertThat(source.getSpec().template().getSpec().getContainers().get(0).getName()).isNull();
  }
}
