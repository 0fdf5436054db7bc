package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Knative's sample images run in this JVM as pods with their own address, env, log and status. */
class InJvmPodsIT {

  static final String EVENT_DISPLAY =
      "gcr.io/knative-releases/knative.dev/eventing-contrib/cmd/event_display@sha256:1d6ddc00ab3e43634cd16b342f9663f9739ba09bc037d5dea175dc425a1bb955";

  @TempDir static Path dir;
  static KubeletCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = KubeletCluster.start(dir, KubeletSettings.defaults());
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eventDisplayRunsReadyOnItsOwnAddressAndHeartbeatsReachItWithResolvedEnv() throws Exception {
    Pod display = client.pods().inNamespace("default").resource(eventDisplay("display")).create();

    Pod running = awaitReady("display");
    String ip = running.getStatus().getPodIP();
    assertThat(ip).startsWith("127.").isNotEqualTo("127.0.0.1").doesNotStartWith("127.96.");
    assertThat(running.getStatus().getHostIP()).isEqualTo("127.0.0.1");
    assertThat(running.getSpec().getNodeName()).isEqualTo("tributary");
    assertThat(running.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getReady()).isTrue();
              assertThat(c.getStarted()).isTrue();
              assertThat(c.getRestartCount()).isZero();
              assertThat(c.getImage()).isEqualTo(EVENT_DISPLAY);
              assertThat(c.getState().getRunning().getStartedAt()).isNotNull();
            });
    assertThat(running.getStatus().getConditions())
        .extracting(PodCondition::getType)
        .contains("Initialized", "Ready", "ContainersReady", "PodScheduled");

    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://" + ip + ":8080/"))
                  .header("ce-specversion", "1.0")
                  .header("ce-id", "it-1")
                  .header("ce-source", "/it")
                  .header("ce-type", "dev.tributary.it")
                  .header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"pod\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isBetween(200, 299);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(cluster.logs.text("default", "display", "event-display"))
                    .contains("id: it-1", "\"hello\": \"pod\""));

    List<String> messages =
        cluster.events(client, display).stream()
            .map(e -> e.getReason() + ": " + e.getMessage())
            .toList();
    assertThat(messages)
        .contains(
            "Scheduled: Successfully assigned default/display to tributary",
            "Pulled: Container image \"" + EVENT_DISPLAY + "\" already present on machine",
            "Created: Created container event-display",
            "Started: Started container event-display");

    Pod heartbeats =
        new PodBuilder()
            .withNewMetadata()
            .withName("beats")
            .withNamespace("default")
            .withLabels(java.util.Map.of("app", "beats"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("beats")
            .withImage("docker.io/coldtea214/heartbeats:1.0")
            .withArgs("--period=1")
            .addNewEnv()
            .withName("POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("POD_NAMESPACE")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.namespace")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SINK_HOST")
            .withValue(ip)
            .endEnv()
            .addNewEnv()
            .withName("K_SINK")
            .withValue("http://$(SINK_HOST):8080")
            .endEnv()
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace("default").resource(heartbeats).create();
    awaitReady("beats");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(cluster.logs.text("default", "display", "event-display"))
                    .contains(
                        "source: https://knative.dev/eventing-contrib/cmd/heartbeats/#default/beats"));
  }

  @Test
  void readinessProbesDecideReadiness() {
    Pod probed =
        new PodBuilder(eventDisplay("probed"))
            .editSpec()
            .editFirstContainer()
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withNewPort(8080)
            .endTcpSocket()
            .withPeriodSeconds(1)
            .endReadinessProbe()
            .endContainer()
            .endSpec()
            .build();
    Pod never =
        new PodBuilder(eventDisplay("never-ready"))
            .editSpec()
            .editFirstContainer()
            .withNewReadinessProbe()
            .withNewTcpSocket()
            .withNewPort(9)
            .endTcpSocket()
            .withPeriodSeconds(1)
            .withFailureThreshold(1)
            .endReadinessProbe()
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace("default").resource(probed).create();
    client.pods().inNamespace("default").resource(never).create();

    awaitReady("probed");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Pod pod = client.pods().inNamespace("default").withName("never-ready").get();
              assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
              PodCondition ready = condition(pod, "Ready");
              assertThat(ready.getStatus()).isEqualTo("False");
              assertThat(ready.getReason()).isEqualTo("ContainersNotReady");
              assertThat(ready.getMessage())
                  .isEqualTo("containers with unready status: [event-display]");
            });
  }

  static Pod eventDisplay(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("event-display")
        .withImage(EVENT_DISPLAY)
        .addNewPort()
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        .endSpec()
        .build();
  }

  static Pod awaitReady(String name) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.pods().inNamespace("default").withName(name).get(),
            pod ->
                pod != null
                    && pod.getStatus() != null
                    && "Running".equals(pod.getStatus().getPhase())
                    && pod.getStatus().getConditions() != null
                    && "True".equals(condition(pod, "Ready").getStatus()));
  }

  static PodCondition condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unused")
  private static String describe(Event e) {
    return e.getReason() + ": " + e.getMessage();
  }
}
