package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status subresource: writes to the main resource ignore status, writes to status ignore
 * everything else, and {@code metadata.generation} counts spec changes only.
 */
public abstract class StatusSubresourceContract extends ApiServerContract {

  private CustomResourceDefinition crd;

  @BeforeAll
  void statusCrd() {
    crd =
        createCrd(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"statuswidgets.%s"},
             "spec":{"group":"%s","scope":"Namespaced",
              "names":{"kind":"StatusWidget","plural":"statuswidgets","singular":"statuswidget"},
              "versions":[{"name":"v1","served":true,"storage":true,
               "subresources":{"status":{}},
               "schema":{"openAPIV3Schema":{"type":"object","properties":{
                "spec":{"type":"object","properties":{"size":{"type":"integer"}}},
                "status":{"type":"object","properties":{"ready":{"type":"boolean"}}}}}}}]}}
            """
                .formatted(GROUP, GROUP));
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      widgets() {
    return admin.genericKubernetesResources(context(crd, "v1")).inNamespace(ns);
  }

  private GenericKubernetesResource create(String name) {
    return widgets()
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(GROUP + "/v1")
                .withKind("StatusWidget")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(
                    Map.of("spec", Map.of("size", 1), "status", Map.of("ready", true)))
                .build())
        .create();
  }

  private static GenericKubernetesResource with(
      GenericKubernetesResource object, String field, Object value) {
    GenericKubernetesResource copy = new GenericKubernetesResourceBuilder(object).build();
    copy.setAdditionalProperty(field, value);
    return copy;
  }

  @Test
  void createIgnoresStatus() {
    GenericKubernetesResource created = create("fresh");

    assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void writesToTheMainResourceIgnoreStatusAndBumpGenerationOnSpecChanges() {
    GenericKubernetesResource created = create("main");

    GenericKubernetesResource updated =
        widgets()
            .resource(
                with(with(created, "spec", Map.of("size", 2)), "status", Map.of("ready", true)))
            .update();

    assertThat(updated.getAdditionalProperties())
        .containsEntry("spec", Map.of("size", 2))
        .doesNotContainKey("status");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void writesToStatusIgnoreSpecAndKeepGeneration() {
    GenericKubernetesResource created = create("status");

    GenericKubernetesResource updated =
        widgets()
            .resource(
                with(with(created, "spec", Map.of("size", 5)), "status", Map.of("ready", true)))
            .updateStatus();

    assertThat(updated.getAdditionalProperties())
        .containsEntry("spec", Map.of("size", 1))
        .containsEntry("status", Map.of("ready", true));
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(widgets().withName("status").get().getAdditionalProperties())
        .containsEntry("spec", Map.of("size", 1))
        .containsEntry("status", Map.of("ready", true));
  }

  @Test
  void metadataChangesKeepGeneration() {
    GenericKubernetesResource created = create("labels");
    created.getMetadata().setLabels(Map.of("touched", "yes"));

    GenericKubernetesResource updated = widgets().resource(created).update();

    assertThat(updated.getMetadata().getLabels()).containsEntry("touched", "yes");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(updated.getMetadata().getResourceVersion())
        .isNotEqualTo(created.getMetadata().getResourceVersion());
  }

  @Test
  void deploymentStatusIsWrittenOnlyThroughItsSubresource() {
    Deployment created =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(CrudContract.deployment("status-deploy", 1))
            .create();

    Deployment statusWrite =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder(created)
                    .editSpec()
                    .withReplicas(7)
                    .endSpec()
                    .withNewStatus()
                    .withObservedGeneration(1L)
                    .withReplicas(1)
                    .endStatus()
                    .build())
            .updateStatus();
    assertThat(statusWrite.getSpec().getReplicas()).isEqualTo(1);
    assertThat(statusWrite.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(statusWrite.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment specWrite =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(
                new DeploymentBuilder(statusWrite)
                    .editSpec()
                    .withReplicas(2)
                    .endSpec()
                    .editStatus()
                    .withObservedGeneration(99L)
                    .endStatus()
                    .build())
            .update();
    assertThat(specWrite.getSpec().getReplicas()).isEqualTo(2);
    assertThat(specWrite.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(specWrite.getStatus().getObservedGeneration()).isNotEqualTo(99L);
  }
}
