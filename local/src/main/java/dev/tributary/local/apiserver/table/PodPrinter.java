package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pods as kube-apiserver prints them: {@code NAME READY STATUS RESTARTS AGE}, wide {@code IP NODE
 * NOMINATED NODE READINESS GATES}.
 *
 * <p>STATUS is the pod's phase (or {@code status.reason}), overridden by the first failing init
 * container ({@code Init:ErrImagePull}, {@code Init:0/2}, ...) and then by the last container with
 * a waiting or terminated reason ({@code ContainerCreating}, {@code CrashLoopBackOff}, {@code
 * Completed}, {@code ExitCode:1}, ...); a pod being deleted is {@code Terminating}. RESTARTS adds
 * {@code (5m ago)} after the last restart. Init containers with {@code restartPolicy: Always}
 * (sidecars) count as containers.
 */
final class PodPrinter implements RowPrinter {

  private static final List<ColumnDefinition> COLUMNS =
      List.of(
          ColumnDefinition.nameColumn(),
          ColumnDefinition.of(
              "Ready", "string", "Ready containers out of all containers of the pod."),
          ColumnDefinition.of(
              "Status", "string", "The pod's status, summed up from its containers."),
          ColumnDefinition.of(
              "Restarts", "string", "Container restarts, and how long ago the last one was."),
          ColumnDefinition.ageColumn(),
          ColumnDefinition.wide("IP", "string", "The pod's IP address."),
          ColumnDefinition.wide("Node", "string", "The node the pod runs on."),
          ColumnDefinition.wide(
              "Nominated Node", "string", "The node the scheduler nominated for preemption."),
          ColumnDefinition.wide(
              "Readiness Gates", "string", "Readiness gates that are true, out of all."));

  private static final String NODE_LOST = "NodeLost";

  @Override
  public List<ColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public Row print(ObjectNode pod, Instant now) {
    JsonNode spec = Fields.at(pod, "spec");
    JsonNode status = Fields.at(pod, "status");
    String phase = Fields.text(status, "phase");

    long restarts = 0;
    long sidecarRestarts = 0;
    int totalContainers = Fields.size(spec, "containers");
    int readyContainers = 0;
    Instant lastRestart = null;
    Instant lastSidecarRestart = null;

    String reason = phase;
    if (!Fields.text(status, "reason").isEmpty()) {
      reason = Fields.text(status, "reason");
    }
    for (JsonNode condition : Fields.list(status, "conditions")) {
      if (Fields.text(condition, "type").equals("PodScheduled")
          && Fields.text(condition, "reason").equals("SchedulingGated")) {
        reason = "SchedulingGated";
      }
    }

    Map<String, JsonNode> initContainers = new HashMap<>();
    for (JsonNode container : Fields.list(spec, "initContainers")) {
      initContainers.put(Fields.text(container, "name"), container);
      if (isSidecar(container)) {
        totalContainers++;
      }
    }

    boolean initializing = false;
    List<JsonNode> initStatuses = Fields.list(status, "initContainerStatuses");
    for (int i = 0; i < initStatuses.size(); i++) {
      JsonNode container = initStatuses.get(i);
      long count = Fields.integer(container, "restartCount");
      restarts += count;
      lastRestart = later(lastRestart, finishedAt(container));
      boolean sidecar = isSidecar(initContainers.get(Fields.text(container, "name")));
      if (sidecar) {
        sidecarRestarts += count;
        lastSidecarRestart = later(lastSidecarRestart, finishedAt(container));
      }
      JsonNode terminated = Fields.at(container, "state", "terminated");
      JsonNode waiting = Fields.at(container, "state", "waiting");
      if (terminated.isObject() && Fields.integer(terminated, "exitCode") == 0) {
        continue;
      }
      if (sidecar && Fields.bool(container, "started")) {
        if (Fields.bool(container, "ready")) {
          readyContainers++;
        }
        continue;
      }
      if (terminated.isObject()) {
        reason = "Init:" + terminatedReason(terminated);
      } else if (waiting.isObject()
          && !Fields.text(waiting, "reason").isEmpty()
          && !Fields.text(waiting, "reason").equals("PodInitializing")) {
        reason = "Init:" + Fields.text(waiting, "reason");
      } else {
        reason = "Init:" + i + "/" + Fields.size(spec, "initContainers");
      }
      initializing = true;
      break;
    }

    if (!initializing || hasTrueCondition(status, "Initialized")) {
      restarts = sidecarRestarts;
      lastRestart = lastSidecarRestart;
      boolean hasRunning = false;
      List<JsonNode> statuses = Fields.list(status, "containerStatuses");
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode container = statuses.get(i);
        restarts += Fields.integer(container, "restartCount");
        lastRestart = later(lastRestart, finishedAt(container));
        JsonNode waiting = Fields.at(container, "state", "waiting");
        JsonNode terminated = Fields.at(container, "state", "terminated");
        if (waiting.isObject() && !Fields.text(waiting, "reason").isEmpty()) {
          reason = Fields.text(waiting, "reason");
        } else if (terminated.isObject()) {
          reason = terminatedReason(terminated);
        } else if (Fields.bool(container, "ready")
            && Fields.at(container, "state", "running").isObject()) {
          hasRunning = true;
          readyContainers++;
        }
      }
      // a pod whose containers partly completed still runs while one container does
      if (reason.equals("Completed") && hasRunning) {
        reason = hasTrueCondition(status, "Ready") ? "Running" : "NotReady";
      }
    }

    boolean deleting = Fields.present(pod, "metadata", "deletionTimestamp");
    if (deleting && Fields.text(status, "reason").equals(NODE_LOST)) {
      reason = "Unknown";
    } else if (deleting && !phase.equals("Failed") && !phase.equals("Succeeded")) {
      reason = "Terminating";
    }

    String restartsCell = Long.toString(restarts);
    if (restarts != 0 && lastRestart != null) {
      restartsCell =
          restarts + " (" + HumanDuration.human(Duration.between(lastRestart, now)) + " ago)";
    }

    List<JsonNode> cells =
        Cells.of(
            Fields.text(pod, "metadata", "name"),
            readyContainers + "/" + totalContainers,
            reason,
            restartsCell,
            Timestamps.age(Fields.at(pod, "metadata", "creationTimestamp"), now),
            orNone(podIp(status)),
            orNone(Fields.text(spec, "nodeName")),
            orNone(Fields.text(status, "nominatedNodeName")),
            readinessGates(spec, status));
    return new Row(cells, completedCondition(phase));
  }

  /** A sidecar: an init container that keeps running ({@code restartPolicy: Always}). */
  private static boolean isSidecar(JsonNode initContainer) {
    return initContainer != null && Fields.text(initContainer, "restartPolicy").equals("Always");
  }

  private static String terminatedReason(JsonNode terminated) {
    String reason = Fields.text(terminated, "reason");
    if (!reason.isEmpty()) {
      return reason;
    }
    long signal = Fields.integer(terminated, "signal");
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + Fields.integer(terminated, "exitCode");
  }

  private static Instant finishedAt(JsonNode containerStatus) {
    return Timestamps.parse(Fields.at(containerStatus, "lastState", "terminated", "finishedAt"))
        .orElse(null);
  }

  private static Instant later(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || current.isBefore(candidate) ? candidate : current;
  }

  private static boolean hasTrueCondition(JsonNode status, String type) {
    for (JsonNode condition : Fields.list(status, "conditions")) {
      if (Fields.text(condition, "type").equals(type)) {
        return Fields.text(condition, "status").equals("True");
      }
    }
    return false;
  }

  private static String podIp(JsonNode status) {
    List<JsonNode> ips = Fields.list(status, "podIPs");
    if (!ips.isEmpty()) {
      return Fields.text(ips.get(0), "ip");
    }
    return Fields.text(status, "podIP");
  }

  private static String readinessGates(JsonNode spec, JsonNode status) {
    List<JsonNode> gates = Fields.list(spec, "readinessGates");
    if (gates.isEmpty()) {
      return "<none>";
    }
    int trueConditions = 0;
    for (JsonNode gate : gates) {
      String type = Fields.text(gate, "conditionType");
      Optional<JsonNode> condition =
          Fields.list(status, "conditions").stream()
              .filter(c -> Fields.text(c, "type").equals(type))
              .findFirst();
      if (condition.isPresent() && Fields.text(condition.get(), "status").equals("True")) {
        trueConditions++;
      }
    }
    return trueConditions + "/" + gates.size();
  }

  /** kube-apiserver marks finished pods with a {@code Completed} row condition. */
  private static ArrayNode completedCondition(String phase) {
    String message =
        switch (phase) {
          case "Succeeded" -> "The pod has completed successfully.";
          case "Failed" -> "The pod failed.";
          default -> null;
        };
    if (message == null) {
      return null;
    }
    ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
    ObjectNode condition = conditions.addObject();
    condition.put("type", "Completed");
    condition.put("status", "True");
    condition.put("reason", phase);
    condition.put("message", message);
    return conditions;
  }

  private static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }
}
