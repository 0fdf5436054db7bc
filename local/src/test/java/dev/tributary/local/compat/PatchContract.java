package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON patch, JSON merge patch, strategic merge patch and server-side apply. */
public abstract class PatchContract extends ApiServerContract {

  private ConfigMap patch(String name, PatchType type, String body) {
    return admin.configMaps().inNamespace(ns).withName(name).patch(PatchContext.of(type), body);
  }

  @Test
  void jsonPatchAddsReplacesAndRemoves() {
    ConfigMap before = createConfigMap("json", Map.of("keep", "1", "change", "a", "drop", "x"));

    ConfigMap after =
        patch(
            "json",
            PatchType.JSON,
            """
            [{"op":"replace","path":"/data/change","value":"b"},
             {"op":"remove","path":"/data/drop"},
             {"op":"add","path":"/data/new","value":"n"},
             {"op":"add","path":"/metadata/labels","value":{"patched":"json"}}]
            """);

    assertThat(after.getData()).isEqualTo(Map.of("keep", "1", "change", "b", "new", "n"));
    assertThat(after.getMetadata().getLabels()).isEqualTo(Map.of("patched", "json"));
    assertThat(after.getMetadata().getResourceVersion())
        .isNotEqualTo(before.getMetadata().getResourceVersion());
  }

  @Test
  void aJsonPatchWhoseTestFailsChangesNothing() {
    createConfigMap("json-test", Map.of("v", "1"));

    KubernetesClientException error =
        failure(
            () ->
                patch(
                    "json-test",
                    PatchType.JSON,
                    """
                    [{"op":"test","path":"/data/v","value":"2"},
                     {"op":"replace","path":"/data/v","value":"3"}]
                    """));

    assertThat(error.getCode()).isEqualTo(422);
    assertThat(admin.configMaps().inNamespace(ns).withName("json-test").get().getData())
        .containsEntry("v", "1");
  }

  @Test
  void mergePatchMergesMapsAndNullDeletes() {
    createConfigMap("merge", Map.of("keep", "1", "change", "a", "drop", "x"));

    ConfigMap after =
        patch(
            "merge",
            PatchType.JSON_MERGE,
            "{\"data\":{\"change\":\"b\",\"drop\":null,\"new\":\"n\"}}");

    assertThat(after.getData()).isEqualTo(Map.of("keep", "1", "change", "b", "new", "n"));
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    Deployment deployment = CrudContract.deployment("smp", 1);
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .add(
            new ContainerBuilder()
                .withName("sidecar")
                .withImage("registry.example/side:1")
                .build());
    admin.apps().deployments().inNamespace(ns).resource(deployment).create();

    Deployment patched =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("smp")
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                """
                {"spec":{"template":{"spec":{"containers":[
                  {"name":"app","image":"registry.example/app:2"},
                  {"name":"extra","image":"registry.example/extra:1"}]}}}}
                """);

    assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
        .extracting(Container::getName, Container::getImage)
        .containsExactlyInAnyOrder(
            tuple("app", "registry.example/app:2"),
            tuple("sidecar", "registry.example/side:1"),
            tuple("extra", "registry.example/extra:1"));
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);

    Deployment removed =
        admin
            .apps()
            .deployments()
            .inNamespace(ns)
            .withName("smp")
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                """
                {"spec":{"template":{"spec":{"containers":[
                  {"name":"sidecar","$patch":"delete"}]}}}}
                """);
    assertThat(removed.getSpec().getTemplate().getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactlyInAnyOrder("app", "extra");
  }

  @Test
  void serverSideApplyCreatesThenUpdatesWhatTheConfigurationNames() {
    ConfigMap created =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(applied("applied-create", Map.of("a", "1", "b", "2")))
            .fieldManager("compat")
            .serverSideApply();
    assertThat(created.getData()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(created.getMetadata().getUid()).isNotBlank();

    ConfigMap updated =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(applied("applied-create", Map.of("a", "1", "b", "3")))
            .fieldManager("compat")
            .serverSideApply();
    assertThat(updated.getData()).isEqualTo(Map.of("a", "1", "b", "3"));
    assertThat(updated.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
  }

  @Test
  void serverSideApplyTracksFieldManagersAndReportsConflicts() {
    ConfigMap created =
        ssa(applied("applied", Map.of("owned", "a", "shared", "a")), "manager-a", false);
    assertThat(created.getData()).isEqualTo(Map.of("owned", "a", "shared", "a"));
    assertThat(created.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
        .containsExactly(tuple("manager-a", "Apply"));

    ConfigMap other = applied("applied", Map.of("shared", "b"));
    KubernetesClientException conflict = failure(() -> ssa(other, "manager-b", false));

    assertThat(conflict.getCode()).isEqualTo(409);
    assertThat(conflict.getStatus().getReason()).isEqualTo("Conflict");
    assertThat(conflict.getStatus().getMessage())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"manager-a\": .data.shared");
    assertThat(conflict.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField, StatusCause::getMessage)
        .containsExactly(
            tuple("FieldManagerConflict", ".data.shared", "conflict with \"manager-a\""));

    ConfigMap forced = ssa(other, "manager-b", true);
    assertThat(forced.getData()).isEqualTo(Map.of("owned", "a", "shared", "b"));
    assertThat(forced.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactlyInAnyOrder("manager-a", "manager-b");

    // manager-a lost "shared" to manager-b: applying without it leaves b's value alone, and a field
    // manager-a alone owned and no longer applies is removed.
    ConfigMap reapplied = ssa(applied("applied", Map.of()), "manager-a", false);
    assertThat(reapplied.getData()).isEqualTo(Map.of("shared", "b"));
  }

  @Test
  void applyingWithoutAFieldManagerIs422ForThePatchOptions() throws Exception {
    createConfigMap("unmanaged", Map.of());

    var response =
        raw(
            "PATCH",
            "/api/v1/namespaces/" + ns + "/configmaps/unmanaged",
            "application/apply-patch+yaml",
            json(applied("unmanaged", Map.of("k", "v"))),
            null);

    assertThat(response.code()).as(response.body()).isEqualTo(422);
    var status = json(response.body());
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required"
                + " for apply patch");
    assertThat(status.path("details").path("group").asText()).isEqualTo("meta.k8s.io");
    assertThat(status.path("details").path("kind").asText()).isEqualTo("PatchOptions");
    assertThat(status.path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("fieldManager");
    assertThat(admin.configMaps().inNamespace(ns).withName("unmanaged").get().getData())
        .isNullOrEmpty();
  }

  @Test
  void forceOnANonApplyPatchIs422() throws Exception {
    createConfigMap("forced", Map.of());

    var response =
        raw(
            "PATCH",
            "/api/v1/namespaces/" + ns + "/configmaps/forced?force=true",
            "application/merge-patch+json",
            "{\"data\":{\"k\":\"v\"}}",
            null);

    assertThat(response.code()).as(response.body()).isEqualTo(422);
    assertThat(json(response.body()).path("message").asText())
        .isEqualTo(
            "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for"
                + " non-apply patch");
  }

  @Test
  void strategicMergePatchOnACustomResourceIs415() throws Exception {
    var response =
        raw(
            "PATCH",
            "/api/v1/namespaces/" + ns + "/configmaps/nothing-here",
            "application/json-patch+json",
            "[]",
            null);
    assertThat(response.code()).as("sanity: a JSON patch of a missing object").isEqualTo(404);

    createCrd(
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"patchwidgets.%s"},
         "spec":{"group":"%s","scope":"Namespaced",
          "names":{"kind":"PatchWidget","plural":"patchwidgets","singular":"patchwidget"},
          "versions":[{"name":"v1","served":true,"storage":true,
           "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """
            .formatted(GROUP, GROUP));
    raw(
        "POST",
        "/apis/" + GROUP + "/v1/namespaces/" + ns + "/patchwidgets",
        "application/json",
        "{\"apiVersion\":\""
            + GROUP
            + "/v1\",\"kind\":\"PatchWidget\",\"metadata\":{\"name\":\"p\"}}",
        null);

    var smp =
        raw(
            "PATCH",
            "/apis/" + GROUP + "/v1/namespaces/" + ns + "/patchwidgets/p",
            "application/strategic-merge-patch+json",
            "{\"spec\":{\"a\":1}}",
            null);

    assertThat(smp.code()).isEqualTo(415);
    var status = json(smp.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("UnsupportedMediaType");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "the body of the request was in an unknown format - accepted media types include:"
                + " application/json-patch+json, application/merge-patch+json,"
                + " application/apply-patch+yaml");
  }

  /** A ConfigMap as an apply configuration names it. */
  private ConfigMap applied(String name, Map<String, String> data) {
    ConfigMap configMap = configMap(name, Map.of(), data);
    configMap.setApiVersion("v1");
    configMap.setKind("ConfigMap");
    return configMap;
  }

  private String json(ConfigMap configMap) {
    return admin.getKubernetesSerialization().asJson(configMap);
  }

  private ConfigMap ssa(ConfigMap configuration, String manager, boolean force) {
    var resource = admin.configMaps().inNamespace(ns).resource(configuration).fieldManager(manager);
    return force ? resource.forceConflicts().serverSideApply() : resource.serverSideApply();
  }
}
