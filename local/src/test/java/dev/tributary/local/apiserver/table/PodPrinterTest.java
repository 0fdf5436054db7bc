package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodPrinterTest {

  private static final ResourceInfo PODS = ResourceInfo.builtIn("", "v1", "Pod", "pods", true);

  private final TableRenderer renderer = TableRenderer.create(FixedClock.clock());

  /** A pod created an hour before {@link FixedClock#NOW}, with the given spec and status. */
  private static ObjectNode pod(String metadataExtra, String spec, String status) {
    return Json.object(
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "busybox", "namespace": "default",
                      "creationTimestamp": "2025-01-01T11:00:00Z"%s},
         "spec": %s, "status": %s}
        """
            .formatted(metadataExtra, spec, status));
  }

  private static final String ONE_CONTAINER = "{\"containers\": [{\"name\": \"busybox\"}]}";
  private static final String TWO_CONTAINERS =
      "{\"containers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}";
  private static final String WITH_INIT =
      "{\"initContainers\": [{\"name\": \"init\"}], \"containers\": [{\"name\": \"busybox\"}]}";

  private JsonNode cells(ObjectNode pod) {
    return renderer.table(PODS, List.of(pod), "1", null, false).at("/rows/0/cells");
  }

  /** READY, STATUS and RESTARTS of one pod. */
  private String summary(ObjectNode pod) {
    JsonNode cells = cells(pod);
    return cells.get(1).asText() + " " + cells.get(2).asText() + " " + cells.get(3).asText();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pending | " + ONE_CONTAINER + " | {\"phase\": \"Pending\"} | 0/1 Pending 0",
        "creating | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Pending\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"ready\": false, \"restartCount\": 0,"
            + " \"state\": {\"waiting\": {\"reason\": \"ContainerCreating\"}}}]}"
            + " | 0/1 ContainerCreating 0",
        "running | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Running\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"ready\": true, \"restartCount\": 0,"
            + " \"state\": {\"running\": {\"startedAt\": \"2025-01-01T11:00:01Z\"}}}]}"
            + " | 1/1 Running 0",
        "half ready | "
            + TWO_CONTAINERS
            + " | {\"phase\": \"Running\", \"containerStatuses\": ["
            + "{\"name\": \"a\", \"ready\": true, \"state\": {\"running\": {}}},"
            + "{\"name\": \"b\", \"ready\": false, \"state\": {\"running\": {}}}]}"
            + " | 1/2 Running 0",
        "completed | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Succeeded\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"ready\": false, \"state\": {\"terminated\": {\"exitCode\": 0,"
            + " \"reason\": \"Completed\"}}}]}"
            + " | 0/1 Completed 0",
        "image pull | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Pending\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"state\": {\"waiting\": {\"reason\": \"ErrImagePull\","
            + " \"message\": \"no such image\"}}}]}"
            + " | 0/1 ErrImagePull 0",
        "exit code | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Failed\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"state\": {\"terminated\": {\"exitCode\": 3}}}]}"
            + " | 0/1 ExitCode:3 0",
        "signal | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Failed\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"state\": {\"terminated\": {\"exitCode\": 137, \"signal\": 9}}}]}"
            + " | 0/1 Signal:9 0",
        "init waiting | "
            + WITH_INIT
            + " | {\"phase\": \"Pending\", \"initContainerStatuses\": [{\"name\": \"init\","
            + " \"state\": {\"waiting\": {\"reason\": \"PodInitializing\"}}}]}"
            + " | 0/1 Init:0/1 0",
        "init image pull | "
            + WITH_INIT
            + " | {\"phase\": \"Pending\", \"initContainerStatuses\": [{\"name\": \"init\","
            + " \"state\": {\"waiting\": {\"reason\": \"ErrImagePull\"}}}]}"
            + " | 0/1 Init:ErrImagePull 0",
        "init failed | "
            + WITH_INIT
            + " | {\"phase\": \"Pending\", \"initContainerStatuses\": [{\"name\": \"init\","
            + " \"restartCount\": 2, \"state\": {\"terminated\": {\"exitCode\": 1,"
            + " \"reason\": \"Error\"}}}]}"
            + " | 0/1 Init:Error 2",
        "init done | "
            + WITH_INIT
            + " | {\"phase\": \"Running\", \"conditions\": [{\"type\": \"Initialized\","
            + " \"status\": \"True\"}], \"initContainerStatuses\": [{\"name\": \"init\","
            + " \"state\": {\"terminated\": {\"exitCode\": 0, \"reason\": \"Completed\"}}}],"
            + " \"containerStatuses\": [{\"name\": \"busybox\", \"ready\": true,"
            + " \"state\": {\"running\": {}}}]}"
            + " | 1/1 Running 0",
        "one done one running, not ready | "
            + TWO_CONTAINERS
            + " | {\"phase\": \"Running\", \"containerStatuses\": ["
            + "{\"name\": \"a\", \"state\": {\"terminated\": {\"exitCode\": 0,"
            + " \"reason\": \"Completed\"}}},"
            + "{\"name\": \"b\", \"ready\": true, \"state\": {\"running\": {}}}]}"
            + " | 1/2 NotReady 0",
        "one done one running, ready | "
            + TWO_CONTAINERS
            + " | {\"phase\": \"Running\", \"conditions\": [{\"type\": \"Ready\","
            + " \"status\": \"True\"}], \"containerStatuses\": ["
            + "{\"name\": \"a\", \"state\": {\"terminated\": {\"exitCode\": 0,"
            + " \"reason\": \"Completed\"}}},"
            + "{\"name\": \"b\", \"ready\": true, \"state\": {\"running\": {}}}]}"
            + " | 1/2 Running 0",
        "gated | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Pending\", \"conditions\": [{\"type\": \"PodScheduled\","
            + " \"status\": \"False\", \"reason\": \"SchedulingGated\"}]}"
            + " | 0/1 SchedulingGated 0",
        "evicted | "
            + ONE_CONTAINER
            + " | {\"phase\": \"Failed\", \"reason\": \"Evicted\"}"
            + " | 0/1 Evicted 0",
        "sidecar | "
            + "{\"initContainers\": [{\"name\": \"proxy\", \"restartPolicy\": \"Always\"}],"
            + " \"containers\": [{\"name\": \"busybox\"}]}"
            + " | {\"phase\": \"Running\", \"conditions\": [{\"type\": \"Initialized\","
            + " \"status\": \"True\"}], \"initContainerStatuses\": [{\"name\": \"proxy\","
            + " \"started\": true, \"ready\": true, \"restartCount\": 1,"
            + " \"state\": {\"running\": {}}}], \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"ready\": true, \"state\": {\"running\": {}}}]}"
            + " | 2/2 Running 1",
      })
  void statusIsComputedAsKubectlShowsIt(
      String description, String spec, String status, String expected) {
    assertThat(summary(pod("", spec, status))).as(description).isEqualTo(expected);
  }

  @Test
  void crashLoopShowsRestartsAndHowLongAgo() {
    ObjectNode pod =
        pod(
            "",
            ONE_CONTAINER,
            """
            {"phase": "Running", "containerStatuses": [{"name": "busybox", "ready": false,
              "restartCount": 5,
              "state": {"waiting": {"reason": "CrashLoopBackOff"}},
              "lastState": {"terminated": {"exitCode": 1, "reason": "Error",
                            "finishedAt": "2025-01-01T11:55:00Z"}}}]}
            """);
    assertThat(summary(pod)).isEqualTo("0/1 CrashLoopBackOff 5 (5m ago)");
  }

  @Test
  void deletionMakesARunningPodTerminatingButNotAFinishedOne() {
    String running =
        "{\"phase\": \"Running\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"ready\": true, \"state\": {\"running\": {}}}]}";
    String deleting = ", \"deletionTimestamp\": \"2025-01-01T11:59:00Z\"";
    assertThat(summary(pod(deleting, ONE_CONTAINER, running))).isEqualTo("1/1 Terminating 0");

    String succeeded =
        "{\"phase\": \"Succeeded\", \"containerStatuses\": [{\"name\": \"busybox\","
            + " \"state\": {\"terminated\": {\"exitCode\": 0, \"reason\": \"Completed\"}}}]}";
    assertThat(summary(pod(deleting, ONE_CONTAINER, succeeded))).isEqualTo("0/1 Completed 0");

    String lost = "{\"phase\": \"Running\", \"reason\": \"NodeLost\"}";
    assertThat(summary(pod(deleting, ONE_CONTAINER, lost))).isEqualTo("0/1 Unknown 0");
  }

  @Test
  void rowHasAllColumnsWithWideOnesLast() {
    ObjectNode pod =
        pod(
            "",
            "{\"nodeName\": \"local\", \"readinessGates\": [{\"conditionType\": \"x/ok\"},"
                + " {\"conditionType\": \"x/no\"}], \"containers\": [{\"name\": \"busybox\"}]}",
            """
            {"phase": "Running", "podIP": "10.0.0.5", "podIPs": [{"ip": "10.0.0.5"}],
             "conditions": [{"type": "x/ok", "status": "True"}, {"type": "x/no", "status": "False"}],
             "containerStatuses": [{"name": "busybox", "ready": true, "state": {"running": {}}}]}
            """);
    ObjectNode table = renderer.table(PODS, List.of(pod), "1", null, false);

    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP",
            "Node",
            "Nominated Node",
            "Readiness Gates");
    assertThat(table.path("columnDefinitions").findValuesAsText("priority"))
        .containsExactly("0", "0", "0", "0", "0", "1", "1", "1", "1");
    assertThat(table.at("/rows/0/cells"))
        .isEqualTo(
            Json.MAPPER.valueToTree(
                List.of(
                    "busybox",
                    "1/1",
                    "Running",
                    "0",
                    "60m",
                    "10.0.0.5",
                    "local",
                    "<none>",
                    "1/2")));
    assertThat(table.at("/rows/0/conditions").isMissingNode()).isTrue();
  }

  @Test
  void finishedPodsCarryACompletedRowCondition() {
    ObjectNode pod = pod("", ONE_CONTAINER, "{\"phase\": \"Failed\"}");
    JsonNode row = renderer.table(PODS, List.of(pod), "1", null, false).at("/rows/0");
    assertThat(row.get("conditions"))
        .isEqualTo(
            Json.object(
                    "{\"c\": [{\"type\": \"Completed\", \"status\": \"True\", \"reason\": \"Failed\","
                        + " \"message\": \"The pod failed.\"}]}")
                .get("c"));
    assertThat(row.at("/cells/5").asText()).isEqualTo("<none>");
  }
}
