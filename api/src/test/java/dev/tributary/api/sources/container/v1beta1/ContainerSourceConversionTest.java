package dev.tributary.api.sources.container.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.duck.SourceStatus;
import dev.tributary.api.sources.ManifestJson;
import dev.tributary.api.sources.container.ContainerSourceStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSourceConversionTest {
  private static final Destination SINK =
      new Destination(KReference.of("v1", "Service", "default", "event-display"), "/p", "PEM", "a");
  private static final CloudEventOverrides OVERRIDES =
      new CloudEventOverrides(Map.of("hello", "world"));

  private static PodTemplateSpec template() {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", "heartbeats")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("heartbeats")
        .withImage("docker.io/coldtea214/heartbeats:1.0")
        .withArgs("--period=1")
        .addNewEnv()
        .withName("POD_NAME")
        .withValue("mypod")
        .endEnv()
        .endContainer()
        .endSpec()
        .build();
  }

  private static <T extends SourceStatus> T fill(T status) {
    status.setObservedGeneration(4L);
    status.setConditions(
        List.of(new Condition("Ready", "False", "", "2024-01-02T03:04:05Z", "Testing", "hi")));
    status.setAnnotations(Map.of("a", "b"));
    status.setSinkUri("http://event-display.default.svc.cluster.local/p");
    status.setSinkCACerts("PEM");
    status.setSinkAudience("a");
    status.setCeAttributes(List.of(new CloudEventAttributes("t", "s")));
    return status;
  }

  private static dev.tributary.api.sources.container.ContainerSource v1() {
    var source = new dev.tributary.api.sources.container.ContainerSource();
    source.setMetadata(
        new ObjectMetaBuilder()
            .withName("test-container-source")
            .withNamespace("default")
            .withGeneration(4L)
            .addToLabels("l", "v")
            .addToAnnotations("k", "v")
            .build());
    source.setSpec(
        new dev.tributary.api.sources.container.ContainerSourceSpec(
            SINK, OVERRIDES, template(), null));
    source.setStatus(fill(new ContainerSourceStatus()));
    return source;
  }

  private static ContainerSource v1beta1() {
    ContainerSource source = new ContainerSource();
    source.setMetadata(
        new ObjectMetaBuilder().withName("test-container-source").withNamespace("d").build());
    source.setSpec(new ContainerSourceSpec(SINK, OVERRIDES, template()));
    source.setStatus(fill(new SourceStatus()));
    return source;
  }

  @Test
  void v1ToV1beta1AndBack() {
    var original = v1();

    var back = ContainerSourceConversion.toV1(ContainerSourceConversion.fromV1(original));

    assertThat(ManifestJson.tree(back)).isEqualTo(ManifestJson.tree(original));
    assertThat(back.getApiVersion()).isEqualTo("sources.knative.dev/v1");
  }

  @Test
  void v1beta1ToV1AndBack() {
    ContainerSource original = v1beta1();

    ContainerSource back =
        ContainerSourceConversion.fromV1(ContainerSourceConversion.toV1(original));

    assertThat(ManifestJson.tree(back)).isEqualTo(ManifestJson.tree(original));
    assertThat(back.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
  }

  @Test
  void fieldsLandWhereExpected() {
    var v1 = ContainerSourceConversion.toV1(v1beta1());

    assertThat(v1.getSpec().sink()).isEqualTo(SINK);
    assertThat(v1.getSpec().ceOverrides()).isEqualTo(OVERRIDES);
    assertThat(v1.getSpec().template()).isEqualTo(template());
    assertThat(v1.getSpec().delivery()).isNull();
    assertThat(v1.getStatus().getSinkUri())
        .isEqualTo("http://event-display.default.svc.cluster.local/p");
    assertThat(v1.getStatus().getConditions()).hasSize(1);
    assertThat(v1.getStatus().getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void deliveryHasNoV1beta1FieldAndIsDropped() {
    var source = v1();
    source.setSpec(
        new dev.tributary.api.sources.container.ContainerSourceSpec(
            SINK, OVERRIDES, template(), new DeliverySpec(null, 3, null, null, null, null, null)));

    ContainerSource old = ContainerSourceConversion.fromV1(source);

    assertThat(ManifestJson.tree(old).path("spec").has("delivery")).isFalse();
    assertThat(old.getSpec().template()).isEqualTo(template());
  }

  @Test
  void resultSharesNothingMutable() {
    var original = v1();

    ContainerSource converted = ContainerSourceConversion.fromV1(original);
    converted.getMetadata().getLabels().put("l", "changed");
    converted.getSpec().template().getSpec().getContainers().get(0).setImage("changed");
    converted.getStatus().getConditions().clear();
    converted.getStatus().getCeAttributes().clear();

    assertThat(original.getMetadata().getLabels()).containsEntry("l", "v");
    assertThat(original.getSpec().template()).isEqualTo(template());
    assertThat(original.getStatus().getConditions()).hasSize(1);
    assertThat(original.getStatus().getCeAttributes()).hasSize(1);
  }

  @Test
  void absentSpecAndStatusStayAbsent() {
    ContainerSource bare = new ContainerSource();
    bare.setMetadata(new ObjectMetaBuilder().withName("x").build());

    var v1 = ContainerSourceConversion.toV1(bare);

    assertThat(v1.getSpec()).isNull();
    assertThat(v1.getStatus()).isNull();
    assertThat(ContainerSourceConversion.fromV1(v1).getMetadata().getName()).isEqualTo("x");
  }
}
