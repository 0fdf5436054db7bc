package dev.tributary.controller.container.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.sources.container.ContainerSource;
import dev.tributary.api.sources.container.ContainerSourceSpec;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerSourceChildrenTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  private static ContainerSource source() {
    ContainerSource source = new ContainerSource();
    source.setMetadata(
        new ObjectMetaBuilder().withNamespace("ns").withName("hb").withUid("uid-9").build());
    source.setSpec(
        new ContainerSourceSpec(
            Destination.ofRef(KReference.of("v1", "Service", null, "display")),
            new CloudEventOverrides(Map.of("hello", "world")),
            new PodTemplateSpecBuilder()
                .withNewMetadata()
                .addToLabels("app", "hb")
                .addToAnnotations("note", "kept")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("hb-0")
                .withImage("heartbeats")
                .endContainer()
                .endSpec()
                .build(),
            null));
    return source;
  }

  private static final String OWNER =
      """
        ownerReferences:
        - apiVersion: sources.knative.dev/v1
          kind: ContainerSource
          name: hb
          uid: uid-9
          controller: true
          blockOwnerDeletion: true
      """;

  @Test
  void theDeploymentIsTheTemplateWithTheSourceLabelsEverywhere() {
    ContainerSource source = source();
    String before = serialization.asYaml(source);
    Deployment expected =
        serialization.unmarshal(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              namespace: ns
              name: hb-deployment
              labels: &labels
                app: hb
                sources.knative.dev/source: container-source-controller
                sources.knative.dev/containerSource: hb
              annotations:
                note: kept
            %s
            spec:
              selector:
                matchLabels: *labels
              template:
                metadata:
                  labels: *labels
                  annotations:
                    note: kept
                spec:
                  containers:
                  - name: hb-0
                    image: heartbeats
            """
                .formatted(OWNER),
            Deployment.class);

    assertThat(serialization.asYaml(ContainerSourceChildren.deployment(source)))
        .isEqualTo(serialization.asYaml(expected));
    assertThat(serialization.asYaml(source)).as("the source is not changed").isEqualTo(before);
  }

  @Test
  void theSinkBindingBindsTheDeploymentToTheSourcesSink() {
    SinkBinding expected =
        serialization.unmarshal(
            """
            apiVersion: sources.knative.dev/v1
            kind: SinkBinding
            metadata:
              namespace: ns
              name: hb-sinkbinding
            %s
            spec:
              sink:
                ref: {apiVersion: v1, kind: Service, name: display}
              ceOverrides:
                extensions: {hello: world}
              subject:
                apiVersion: apps/v1
                kind: Deployment
                namespace: ns
                name: hb-deployment
            """
                .formatted(OWNER),
            SinkBinding.class);

    assertThat(serialization.asYaml(ContainerSourceChildren.sinkBinding(source())))
        .isEqualTo(serialization.asYaml(expected));
  }
}
