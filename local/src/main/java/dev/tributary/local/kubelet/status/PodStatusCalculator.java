package dev.tributary.local.kubelet.status;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes a pod's status from its containers, as the kubelet's status manager does: the phase
 * (Pending, Running, Succeeded, Failed, by Kubernetes' {@code getPhase} rules), the conditions
 * Initialized, Ready, ContainersReady and PodScheduled with Kubernetes' reasons and messages, and
 * the container statuses. A condition keeps its {@code lastTransitionTime} from {@code previous}
 * while its status stays the same. Pure.
 */
public final class PodStatusCalculator {
  private PodStatusCalculator() {}

  /** Phase {@code Pending}. */
  public static final String PENDING = "Pending";

  /** Phase {@code Running}. */
  public static final String RUNNING = "Running";

  /** Phase {@code Succeeded}. */
  public static final String SUCCEEDED = "Succeeded";

  /** Phase {@code Failed}. */
  public static final String FAILED = "Failed";

  /**
   * The pod's status.
   *
   * @param previous the status the pod has now (for transition times), or null
   * @param restartPolicy {@code Always}, {@code OnFailure} or {@code Never}
   * @param now the time to stamp on conditions that change (RFC 3339, seconds)
   * @param startTime when the kubelet first started the pod (RFC 3339)
   */
  public static PodStatus compute(
      PodStatus previous,
      List<ContainerSnapshot> containers,
      String restartPolicy,
      String podIp,
      String hostIp,
      String startTime,
      String now) {
    List<ContainerSnapshot> init = containers.stream().filter(ContainerSnapshot::init).toList();
    List<ContainerSnapshot> main = containers.stream().filter(c -> !c.init()).toList();
    String phase = phase(init, main, restartPolicy);
    boolean terminal = phase.equals(SUCCEEDED) || phase.equals(FAILED);

    List<String> incomplete =
        init.stream().filter(c -> !c.succeeded()).map(ContainerSnapshot::name).toList();
    List<String> unready =
        main.stream().filter(c -> !c.ready()).map(ContainerSnapshot::name).toList();

    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(
        incomplete.isEmpty() || terminal
            ? condition(
                previous,
                "Initialized",
                true,
                terminal && !init.isEmpty() ? "PodCompleted" : null,
                null,
                now)
            : condition(
                previous,
                "Initialized",
                false,
                "ContainersNotInitialized",
                "containers with incomplete status: " + names(incomplete),
                now));
    for (String type : List.of("Ready", "ContainersReady")) {
      if (terminal) {
        conditions.add(condition(previous, type, false, "PodCompleted", null, now));
      } else if (unready.isEmpty()) {
        conditions.add(condition(previous, type, true, null, null, now));
      } else {
        conditions.add(
            condition(
                previous,
                type,
                false,
                "ContainersNotReady",
                "containers with unready status: " + names(unready),
                now));
      }
    }
    conditions.add(condition(previous, "PodScheduled", true, null, null, now));

    return new PodStatusBuilder()
        .withPhase(phase)
        .withConditions(conditions)
        .withHostIP(hostIp)
        .withHostIPs(new HostIP(hostIp))
        .withPodIP(podIp)
        .withPodIPs(podIp == null ? List.of() : List.of(new PodIP(podIp)))
        .withStartTime(startTime)
        .withQosClass(
            previous == null
                ? "BestEffort"
                : Objects.requireNonNullElse(previous.getQosClass(), "BestEffort"))
        .withInitContainerStatuses(init.stream().map(PodStatusCalculator::status).toList())
        .withContainerStatuses(main.stream().map(PodStatusCalculator::status).toList())
        .build();
  }

  /** Kubernetes' {@code getPhase}. */
  static String phase(
      List<ContainerSnapshot> init, List<ContainerSnapshot> main, String restartPolicy) {
    int pendingInit = 0;
    int failedInit = 0;
    for (ContainerSnapshot c : init) {
      if (c.succeeded()) {
        continue;
      }
      if (c.failed() || (c.state().getWaiting() != null && lastFailed(c))) {
        failedInit++;
      } else {
        pendingInit++;
      }
    }
    if (pendingInit + failedInit > 0) {
      return failedInit > 0 && "Never".equals(restartPolicy) ? FAILED : PENDING;
    }
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (ContainerSnapshot c : main) {
      if (c.state().getRunning() != null) {
        running++;
      } else if (c.state().getTerminated() != null) {
        stopped++;
        if (c.succeeded()) {
          succeeded++;
        }
      } else if (c.lastState() != null && c.lastState().getTerminated() != null) {
        stopped++;
      } else {
        waiting++;
      }
    }
    if (waiting > 0) {
      return PENDING;
    }
    if (running > 0) {
      return RUNNING;
    }
    if (stopped > 0) {
      if ("Always".equals(restartPolicy)) {
        return RUNNING;
      }
      if (stopped == succeeded) {
        return SUCCEEDED;
      }
      if ("OnFailure".equals(restartPolicy)) {
        return RUNNING;
      }
      return FAILED;
    }
    return PENDING;
  }

  private static boolean lastFailed(ContainerSnapshot c) {
    return c.lastState() != null
        && c.lastState().getTerminated() != null
        && c.lastState().getTerminated().getExitCode() != 0;
  }

  private static ContainerStatus status(ContainerSnapshot c) {
    return new ContainerStatusBuilder()
        .withName(c.name())
        .withImage(c.image())
        .withImageID(c.imageId())
        .withContainerID(c.containerId())
        .withRestartCount(c.restartCount())
        .withReady(c.ready())
        .withStarted(c.started())
        .withState(c.state())
        .withLastState(c.lastState())
        .build();
  }

  private static PodCondition condition(
      PodStatus previous, String type, boolean status, String reason, String message, String now) {
    String value = status ? "True" : "False";
    String since = now;
    if (previous != null && previous.getConditions() != null) {
      for (PodCondition old : previous.getConditions()) {
        if (type.equals(old.getType())
            && value.equals(old.getStatus())
            && old.getLastTransitionTime() != null) {
          since = old.getLastTransitionTime();
        }
      }
    }
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(since)
        .withLastProbeTime(null)
        .build();
  }

  private static String names(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }
}
