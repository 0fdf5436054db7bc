package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Create, get, list, update and delete of built-in and custom kinds; generateName; AlreadyExists.
 */
public abstract class CrudContract extends ApiServerContract {

  /** A Deployment of one container labelled app={@code name}. */
  static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void configMapsAreCreatedReadListedUpdatedAndDeleted() {
    ConfigMap created = createConfigMap("settings", Map.of("mode", "fast"));

    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(created.getMetadata().getNamespace()).isEqualTo(ns);
    assertThat(OffsetDateTime.parse(created.getMetadata().getCreationTimestamp())).isNotNull();

    ConfigMap read = admin.configMaps().inNamespace(ns).withName("settings").get();
    assertThat(read).isEqualTo(created);
    assertThat(admin.configMaps().inNamespace(ns).list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .contains("settings");

    ConfigMap updated =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(new ConfigMapBuilder(read).addToData("mode", "slow").build())
            .update();
    assertThat(updated.getData()).containsEntry("mode", "slow");
    assertThat(updated.getMetadata().getResourceVersion())
        .isNotEqualTo(created.getMetadata().getResourceVersion());
    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(updated.getMetadata().getCreationTimestamp())
        .isEqualTo(created.getMetadata().getCreationTimestamp());

    assertThat(admin.configMaps().inNamespace(ns).withName("settings").delete()).hasSize(1);
    eventually().until(() -> admin.configMaps().inNamespace(ns).withName("settings").get() == null);
  }

  @Test
  void secretsStoreStringDataAsBase64Data() {
    Secret secret =
        admin
            .secrets()
            .inNamespace(ns)
            .resource(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName("credentials")
                    .endMetadata()
                    .withType("Opaque")
                    .addToStringData("password", "s3cret")
                    .addToData("user", base64("admin"))
                    .build())
            .create();

    Secret read = admin.secrets().inNamespace(ns).withName("credentials").get();
    assertThat(read.getStringData()).isNullOrEmpty();
    assertThat(read.getData())
        .containsEntry("password", base64("s3cret"))
        .containsEntry("user", base64("admin"));
    assertThat(read.getType()).isEqualTo("Opaque");
    assertThat(read.getMetadata().getUid()).isEqualTo(secret.getMetadata().getUid());

    admin.secrets().inNamespace(ns).withName("credentials").delete();
    eventually().until(() -> admin.secrets().inNamespace(ns).withName("credentials").get() == null);
  }

  @Test
  void deploymentsAreCreatedUpdatedAndDeleted() {
    Deployment created =
        admin.apps().deployments().inNamespace(ns).resource(deployment("web", 1)).create();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getImage())
        .containsExactly("registry.example/app:1");

    Deployment scaled =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(new DeploymentBuilder(created).editSpec().withReplicas(3).endSpec().build())
            .update();
    assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);

    assertThat(admin.apps().deployments().inNamespace(ns).list().getItems())
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("web");
    admin.apps().deployments().inNamespace(ns).withName("web").delete();
    eventually()
        .until(() -> admin.apps().deployments().inNamespace(ns).withName("web").get() == null);
  }

  @Test
  void customResourcesAreServedOnceTheirCrdIsEstablished() {
    CustomResourceDefinition crd =
        createCrd(
            """
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
             "metadata":{"name":"crudwidgets.%s"},
             "spec":{"group":"%s","scope":"Namespaced",
              "names":{"kind":"CrudWidget","plural":"crudwidgets","singular":"crudwidget"},
              "versions":[{"name":"v1","served":true,"storage":true,
               "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
                "properties":{"size":{"type":"integer"}}}}}}}]}}
            """
                .formatted(GROUP, GROUP));
    var widgets = admin.genericKubernetesResources(context(crd, "v1")).inNamespace(ns);

    GenericKubernetesResource created =
        widgets
            .resource(
                new GenericKubernetesResourceBuilder()
                    .withApiVersion(GROUP + "/v1")
                    .withKind("CrudWidget")
                    .withNewMetadata()
                    .withName("w1")
                    .endMetadata()
                    .withAdditionalProperties(Map.of("spec", Map.of("size", 1)))
                    .build())
            .create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource read = widgets.withName("w1").get();
    assertThat(read.getAdditionalProperties()).containsEntry("spec", Map.of("size", 1));
    read.setAdditionalProperty("spec", Map.of("size", 2));
    GenericKubernetesResource updated = widgets.resource(read).update();
    assertThat(updated.getAdditionalProperties()).containsEntry("spec", Map.of("size", 2));
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(widgets.list().getItems())
        .extracting(w -> w.getMetadata().getName())
        .containsExactly("w1");

    widgets.withName("w1").delete();
    eventually().until(() -> widgets.withName("w1").get() == null);
  }

  @Test
  void generateNameAppendsFiveRandomCharacters() {
    ConfigMap template = configMap(null, Map.of(), Map.of());
    template.getMetadata().setGenerateName("gen-");

    ConfigMap first = admin.configMaps().inNamespace(ns).resource(template).create();
    ConfigMap second = admin.configMaps().inNamespace(ns).resource(template).create();

    assertThat(first.getMetadata().getName()).matches("gen-[a-z0-9]{5}");
    assertThat(first.getMetadata().getGenerateName()).isEqualTo("gen-");
    assertThat(second.getMetadata().getName())
        .matches("gen-[a-z0-9]{5}")
        .isNotEqualTo(first.getMetadata().getName());
    assertThat(admin.configMaps().inNamespace(ns).withName(first.getMetadata().getName()).get())
        .isNotNull();
  }

  @Test
  void creatingAnExistingNameIs409AlreadyExists() {
    createConfigMap("taken", Map.of());

    KubernetesClientException error = failure(() -> createConfigMap("taken", Map.of("b", "2")));

    assertThat(error.getCode()).isEqualTo(409);
    assertThat(error.getStatus().getReason()).isEqualTo("AlreadyExists");
    assertThat(admin.configMaps().inNamespace(ns).withName("taken").get().getData())
        .isNullOrEmpty();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
