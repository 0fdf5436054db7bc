package dev.tributary.local.apiserver.defaults;

import static dev.tributary.local.apiserver.defaults.TestJson.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateStrategiesTest {

  @Test
  void aNewPodIsPendingAndRunsAsTheDefaultServiceAccount() {
    ObjectNode pod =
        yaml(
            """
            metadata:
              name: p
            spec:
              containers:
              - name: app
                image: nginx
            status:
              phase: Running
            """);

    CreateStrategies.pod(pod);

    assertThat(pod.path("status")).isEqualTo(yaml("phase: Pending\nqosClass: BestEffort"));
    assertThat(pod.path("spec").path("serviceAccountName").asText()).isEqualTo("default");
    assertThat(pod.path("spec").path("serviceAccount").asText()).isEqualTo("default");
  }

  @Test
  void aPodsOwnServiceAccountAndAMirrorPodAreLeftAlone() {
    ObjectNode own = yaml("spec:\n  serviceAccountName: builder\n");
    ObjectNode mirror =
        yaml("metadata:\n  annotations:\n    kubernetes.io/config.mirror: abc\nspec: {}\n");

    CreateStrategies.pod(own);
    CreateStrategies.pod(mirror);

    assertThat(own.path("spec").path("serviceAccountName").asText()).isEqualTo("builder");
    assertThat(mirror.path("spec").has("serviceAccountName")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nothing | {} | BestEffort",
        "equal limits and requests | {limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: '0.5',"
            + " memory: 1024Mi}} | Guaranteed",
        "limits only (requests defaulted from them) | {limits: {cpu: '1', memory: 1Gi},"
            + " requests: {cpu: '1', memory: 1Gi}} | Guaranteed",
        "a memory request only | {requests: {memory: 64Mi}} | Burstable",
        "requests below limits | {limits: {cpu: '1', memory: 1Gi}, requests: {cpu: 100m,"
            + " memory: 1Gi}} | Burstable",
        "no cpu limit | {limits: {memory: 1Gi}, requests: {memory: 1Gi}} | Burstable",
        "zero quantities only | {requests: {cpu: '0'}} | BestEffort"
      })
  void qosClassComesFromCpuAndMemory(String description, String resources, String expected) {
    ObjectNode spec = yaml("containers:\n- name: app\n  resources: " + resources + "\n");

    assertThat(PodQos.of(spec)).isEqualTo(expected);
  }

  @Test
  void aNewNamespaceCarriesTheKubernetesFinalizerOnce() {
    ObjectNode bare = yaml("metadata:\n  name: a\n");
    ObjectNode other = yaml("spec:\n  finalizers: [example.com/x]\n");
    ObjectNode already = yaml("spec:\n  finalizers: [kubernetes]\n");

    CreateStrategies.namespace(bare);
    CreateStrategies.namespace(other);
    CreateStrategies.namespace(already);

    assertThat(bare.path("spec")).isEqualTo(yaml("finalizers: [kubernetes]"));
    assertThat(other.path("spec")).isEqualTo(yaml("finalizers: [example.com/x, kubernetes]"));
    assertThat(already.path("spec")).isEqualTo(yaml("finalizers: [kubernetes]"));
  }

  @Test
  void aJobSelectsItsPodsByUid() {
    ObjectNode job =
        yaml(
            """
            metadata:
              name: once
              uid: 1234-abcd
            spec:
              template:
                metadata:
                  labels:
                    app: once
            """);

    CreateStrategies.job(job);

    assertThat(job.path("spec").path("selector"))
        .isEqualTo(yaml("matchLabels:\n  batch.kubernetes.io/controller-uid: 1234-abcd\n"));
    assertThat(job.path("spec").path("template").path("metadata").path("labels"))
        .isEqualTo(
            yaml(
                """
                app: once
                job-name: once
                batch.kubernetes.io/job-name: once
                controller-uid: 1234-abcd
                batch.kubernetes.io/controller-uid: 1234-abcd
                """));
  }

  @Test
  void aJobWithAManualSelectorKeepsIt() {
    ObjectNode job =
        yaml(
            """
            metadata:
              name: manual
              uid: u
            spec:
              manualSelector: true
              selector:
                matchLabels:
                  app: manual
              template:
                metadata:
                  labels:
                    app: manual
            """);
    ObjectNode before = job.deepCopy();

    CreateStrategies.job(job);

    assertThat(job).isEqualTo(before);
  }
}
