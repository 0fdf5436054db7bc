package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tributary.api.duck.CloudEventOverrides;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSpecableTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final SubjectMutation INJECT =
      new SubjectMutation.Inject(
          "http://sink.ns.svc.cluster.local", null, new CloudEventOverrides(Map.of("a", "b")));

  @Test
  void theTemplateIsUnderSpecExceptForBatchCronJobs() {
    assertThat(PodSpecable.templatePointer("apps", "Deployment")).isEqualTo("/spec/template");
    assertThat(PodSpecable.templatePointer("serving.knative.dev", "Service"))
        .isEqualTo("/spec/template");
    assertThat(PodSpecable.templatePointer("batch", "Job")).isEqualTo("/spec/template");
    assertThat(PodSpecable.templatePointer("batch", "CronJob"))
        .isEqualTo("/spec/jobTemplate/spec/template");
    assertThat(PodSpecable.templatePointer("example.dev", "CronJob")).isEqualTo("/spec/template");
  }

  @Test
  void injectionReplacesOnlyTheEnvOfEachContainerAfterTestingItsName() {
    JsonNode subject =
        PodSpecable.readObject(
            """
            {"spec":{"template":{"spec":{
              "initContainers":[{"name":"init","image":"i"}],
              "containers":[{"name":"one","image":"x","env":[{"name":"A","value":"1"}]}]}}}}
            """);

    ArrayNode patch = PodSpecable.patch(subject, "apps", "Deployment", INJECT, SERIALIZATION);

    String overrides = "{\\\"extensions\\\":{\\\"a\\\":\\\"b\\\"}}";
    assertThat(patch.toString())
        .isEqualTo(
            "[{\"op\":\"test\",\"path\":\"/spec/template/spec/initContainers/0/name\",\"value\":\"init\"},"
                + "{\"op\":\"add\",\"path\":\"/spec/template/spec/initContainers/0/env\",\"value\":["
                + "{\"name\":\"K_SINK\",\"value\":\"http://sink.ns.svc.cluster.local\"},"
                + "{\"name\":\"K_CE_OVERRIDES\",\"value\":\""
                + overrides
                + "\"}]},"
                + "{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/name\",\"value\":\"one\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/env\",\"value\":["
                + "{\"name\":\"A\",\"value\":\"1\"},"
                + "{\"name\":\"K_SINK\",\"value\":\"http://sink.ns.svc.cluster.local\"},"
                + "{\"name\":\"K_CE_OVERRIDES\",\"value\":\""
                + overrides
                + "\"}]}]");
  }

  @Test
  void undoRemovesTheVariablesAndTheInjectedVolumes() {
    JsonNode subject =
        PodSpecable.readObject(
            """
            {"spec":{"template":{"spec":{
              "volumes":[{"name":"data","emptyDir":{}},{"name":"oidc-token","emptyDir":{}}],
              "containers":[{"name":"one","image":"x",
                "env":[{"name":"K_SINK","value":"http://old"},{"name":"A","value":"1"}],
                "volumeMounts":[{"name":"oidc-token","mountPath":"/oidc"}]}]}}}}
            """);

    ArrayNode patch =
        PodSpecable.patch(subject, "apps", "Deployment", SubjectMutation.UNDO, SERIALIZATION);

    assertThat(patch.toString())
        .isEqualTo(
            "[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/name\",\"value\":\"one\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/env\","
                + "\"value\":[{\"name\":\"A\",\"value\":\"1\"}]},"
                // An emptied list goes, as Go's omitempty drops it upstream.
                + "{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/0/volumeMounts\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/template/spec/volumes\","
                + "\"value\":[{\"emptyDir\":{},\"name\":\"data\"}]}]");
  }

  @Test
  void nothingToDoGivesAnEmptyPatch() {
    JsonNode bound =
        PodSpecable.readObject(
            """
            {"spec":{"template":{"spec":{"containers":[{"name":"one","image":"x",
              "resources":{"limits":{"cpu":"100m"}},
              "env":[{"name":"K_SINK","value":"http://sink.ns.svc.cluster.local"},
                     {"name":"K_CE_OVERRIDES","value":"{\\"extensions\\":{\\"a\\":\\"b\\"}}"}]}]}}}}
            """);
    JsonNode unbound =
        PodSpecable.readObject(
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"one\",\"image\":\"x\"}]}}}}");
    JsonNode pod = PodSpecable.readObject("{\"spec\":{\"containers\":[{\"name\":\"one\"}]}}");

    assertThat(PodSpecable.patch(bound, "apps", "Deployment", INJECT, SERIALIZATION)).isEmpty();
    assertThat(
            PodSpecable.patch(unbound, "apps", "Deployment", SubjectMutation.UNDO, SERIALIZATION))
        .isEmpty();
    assertThat(PodSpecable.hasPodTemplate(pod, "", "Pod")).isFalse();
    assertThat(PodSpecable.patch(pod, "", "Pod", INJECT, SERIALIZATION)).isEmpty();
    assertThat(PodSpecable.hasPodTemplate(bound, "apps", "Deployment")).isTrue();
  }

  @Test
  void selectionModesFollowTheirLabels() {
    assertThat(BindingSelection.fromEnv(null)).isEqualTo(BindingSelection.EXCLUSION);
    assertThat(BindingSelection.fromEnv("inclusion")).isEqualTo(BindingSelection.INCLUSION);
    assertThat(BindingSelection.EXCLUSION.selects(null)).isTrue();
    assertThat(BindingSelection.EXCLUSION.selects(Map.of("bindings.knative.dev/exclude", "true")))
        .isFalse();
    assertThat(BindingSelection.EXCLUSION.selects(Map.of("bindings.knative.dev/exclude", "false")))
        .isTrue();
    assertThat(BindingSelection.INCLUSION.selects(Map.of())).isFalse();
    assertThat(BindingSelection.INCLUSION.selects(Map.of("bindings.knative.dev/include", "true")))
        .isTrue();
  }
}
