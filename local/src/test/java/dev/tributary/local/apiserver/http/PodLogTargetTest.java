package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodLogTargetTest {

  private static final String SPEC =
      """
      "metadata": {"name": "web", "namespace": "default", "uid": "u1"},
      "spec": {"containers": [{"name": "app", "image": "x"}]}""";

  @Test
  void readsTheRunningRunOfTheOnlyContainer() {
    PodLogTarget target =
        PodLogTarget.of(
            pod(status("app", 2, "{\"running\": {}}", "{\"terminated\": {\"exitCode\": 1}}")),
            options(Map.of()));

    assertThat(target).isEqualTo(new PodLogTarget("default", "web", "u1", "app", 2, -1));
  }

  @Test
  void previousIsTheRunBeforeARunningOne() {
    JsonNode pod =
        pod(status("app", 2, "{\"running\": {}}", "{\"terminated\": {\"exitCode\": 1}}"));

    assertThat(PodLogTarget.of(pod, options(Map.of("previous", "true"))).restartCount())
        .isEqualTo(1);
  }

  @Test
  void whileWaitingToRestartTheLastRunIsBothCurrentAndPrevious() {
    JsonNode pod =
        pod(
            status(
                "app",
                3,
                "{\"waiting\": {\"reason\": \"CrashLoopBackOff\"}}",
                "{\"terminated\": {\"exitCode\": 1}}"));

    assertThat(PodLogTarget.of(pod, options(Map.of())).restartCount()).isEqualTo(3);
    assertThat(PodLogTarget.of(pod, options(Map.of("previous", "true"))).restartCount())
        .isEqualTo(3);
  }

  @Test
  void aTerminatedContainerIsReadAndNotFollowed() {
    JsonNode pod = pod(status("app", 0, "{\"terminated\": {\"exitCode\": 0}}", "{}"));
    PodLogTarget target = PodLogTarget.of(pod, options(Map.of()));

    assertThat(target.restartCount()).isZero();
    assertThat(target.runningIn(pod)).isFalse();
  }

  @Test
  void followsOnlyTheSameRunOfTheSamePod() {
    JsonNode running = pod(status("app", 0, "{\"running\": {}}", "{}"));
    PodLogTarget target = PodLogTarget.of(running, options(Map.of()));

    assertThat(target.runningIn(running)).isTrue();
    assertThat(target.runningIn(pod(status("app", 1, "{\"running\": {}}", "{}")))).isFalse();
    assertThat(
            target.runningIn(
                Json.parse(
                    ("{" + SPEC + ", \"status\": {\"containerStatuses\": [%s]}}")
                        .replace("\"u1\"", "\"u2\"")
                        .formatted(status("app", 0, "{\"running\": {}}", "{}"))
                        .getBytes())))
        .isFalse();
  }

  @Test
  void noPreviousRunIsKubernetesBadRequest() {
    JsonNode pod = pod(status("app", 0, "{\"running\": {}}", "{}"));

    assertThatThrownBy(() -> PodLogTarget.of(pod, options(Map.of("previous", "true"))))
        .isInstanceOf(ApiException.class)
        .hasMessage("previous terminated container \"app\" in pod \"web\" not found")
        .extracting(e -> ((ApiException) e).code())
        .isEqualTo(400);
  }

  @Test
  void aContainerNotStartedSaysWhy() {
    assertThatThrownBy(() -> PodLogTarget.of(pod(null), options(Map.of())))
        .hasMessage("container \"app\" in pod \"web\" is waiting to start: ContainerCreating");
    assertThatThrownBy(
            () ->
                PodLogTarget.of(
                    pod(status("app", 0, "{\"waiting\": {\"reason\": \"ErrImagePull\"}}", "{}")),
                    options(Map.of())))
        .hasMessage("container \"app\" in pod \"web\" is waiting to start: image can't be pulled");
    assertThatThrownBy(
            () ->
                PodLogTarget.of(
                    pod(
                        status(
                            "app", 0, "{\"waiting\": {\"reason\": \"ImagePullBackOff\"}}", "{}")),
                    options(Map.of())))
        .hasMessage(
            "container \"app\" in pod \"web\" is waiting to start: trying and failing to pull"
                + " image");
  }

  @Test
  void anAmbiguousOrUnknownContainerIsRefused() {
    JsonNode two =
        Json.parse(
            """
            {"metadata": {"name": "web", "namespace": "default", "uid": "u1"},
             "spec": {"initContainers": [{"name": "init"}],
                      "containers": [{"name": "a"}, {"name": "b"}]}}"""
                .getBytes());

    assertThatThrownBy(() -> PodLogTarget.of(two, options(Map.of())))
        .hasMessage("a container name must be specified for pod web, choose one of: [init a b]");
    assertThatThrownBy(() -> PodLogTarget.of(two, options(Map.of("container", "c"))))
        .hasMessage("container c is not valid for pod web");
    assertThatThrownBy(() -> PodLogTarget.of(two, options(Map.of("container", "init"))))
        .hasMessage("container \"init\" in pod \"web\" is waiting to start: ContainerCreating");
  }

  private static PodLogOptions options(Map<String, String> query) {
    return PodLogOptions.parse("web", query);
  }

  private static String status(String name, int restartCount, String state, String lastState) {
    return """
        {"name": "%s", "restartCount": %d, "state": %s, "lastState": %s}"""
        .formatted(name, restartCount, state, lastState);
  }

  private static JsonNode pod(String containerStatus) {
    String status =
        containerStatus == null ? "{}" : "{\"containerStatuses\": [" + containerStatus + "]}";
    return Json.parse(("{" + SPEC + ", \"status\": " + status + "}").getBytes());
  }
}
