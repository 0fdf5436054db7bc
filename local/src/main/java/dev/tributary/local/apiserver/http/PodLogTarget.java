package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Which run of which container a {@code pods/log} request reads: the container chosen as
 * kube-apiserver chooses it, the run chosen from the container's status as the kubelet chooses it
 * (with the kubelet's 400 messages when there is no such run). Pure.
 *
 * @param restartCount the run: the container's {@code restartCount} when it ran
 * @param fallbackRestartCount a run to read instead if {@code restartCount} has no log, or -1
 */
record PodLogTarget(
    String namespace,
    String pod,
    String podUid,
    String container,
    int restartCount,
    int fallbackRestartCount) {

  private static final String[] SPEC_LISTS = {
    "initContainers", "containers", "ephemeralContainers"
  };
  private static final String[] STATUS_LISTS = {
    "containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"
  };

  /**
   * The run {@code options} ask for in {@code pod}.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 with Kubernetes' message when the
   *     container is ambiguous or unknown, has not started, or has no previous run
   */
  static PodLogTarget of(JsonNode pod, PodLogOptions options) {
    JsonNode metadata = pod.path("metadata");
    String podName = metadata.path("name").asText();
    String container = container(pod, podName, options.container());
    JsonNode status = status(pod, container);
    String quoted = GoQuote.quote(container) + " in pod " + GoQuote.quote(podName);
    if (status == null) {
      // No kubelet has reported the container yet; a kubelet's own view would be this.
      throw ApiErrors.badRequest("container " + quoted + " is waiting to start: ContainerCreating");
    }
    int restartCount = status.path("restartCount").asInt(0);
    JsonNode state = status.path("state");
    boolean running = state.hasNonNull("running");
    boolean terminated = state.hasNonNull("terminated");
    boolean lastTerminated = status.path("lastState").hasNonNull("terminated");
    int run;
    int fallback = -1;
    if (options.previous()) {
      if (!lastTerminated) {
        throw ApiErrors.badRequest("previous terminated container " + quoted + " not found");
      }
      // While a container waits to be restarted, its last terminated run is the latest one.
      run = running || terminated ? restartCount - 1 : restartCount;
      fallback = running || terminated ? -1 : restartCount - 1;
      if (run < 0) {
        throw ApiErrors.badRequest("previous terminated container " + quoted + " not found");
      }
    } else if (running || terminated) {
      run = restartCount;
    } else if (lastTerminated) {
      run = restartCount;
      fallback = restartCount - 1;
    } else if (state.hasNonNull("waiting")) {
      throw ApiErrors.badRequest(
          "container " + quoted + " is waiting to start: " + waiting(state.path("waiting")));
    } else {
      throw ApiErrors.badRequest("container " + quoted + " is waiting to start - no logs yet");
    }
    return new PodLogTarget(
        metadata.path("namespace").asText(),
        podName,
        metadata.path("uid").asText(),
        container,
        run,
        fallback);
  }

  /** Whether {@code pod} is still running this target's run (a follower keeps reading then). */
  boolean runningIn(JsonNode pod) {
    if (!pod.path("metadata").path("uid").asText().equals(podUid)) {
      return false;
    }
    JsonNode status = status(pod, container);
    return status != null
        && status.path("state").hasNonNull("running")
        && status.path("restartCount").asInt(0) == restartCount;
  }

  private static String waiting(JsonNode waiting) {
    String reason = waiting.path("reason").asText("");
    return switch (reason) {
      case "ErrImagePull" -> "image can't be pulled";
      case "ImagePullBackOff" -> "trying and failing to pull image";
      case "" -> "ContainerCreating";
      default -> reason;
    };
  }

  private static String container(JsonNode pod, String podName, String asked) {
    List<String> names = new ArrayList<>();
    for (String list : SPEC_LISTS) {
      for (JsonNode container : pod.path("spec").path(list)) {
        names.add(container.path("name").asText());
      }
    }
    if (!asked.isEmpty()) {
      if (!names.contains(asked)) {
        throw ApiErrors.badRequest("container " + asked + " is not valid for pod " + podName);
      }
      return asked;
    }
    JsonNode containers = pod.path("spec").path("containers");
    if (containers.size() == 1) {
      return containers.get(0).path("name").asText();
    }
    if (containers.isEmpty()) {
      throw ApiErrors.badRequest("a container name must be specified for pod " + podName);
    }
    // Go prints a []string as [a b c].
    throw ApiErrors.badRequest(
        "a container name must be specified for pod "
            + podName
            + ", choose one of: ["
            + String.join(" ", names)
            + "]");
  }

  private static JsonNode status(JsonNode pod, String container) {
    for (String list : STATUS_LISTS) {
      for (JsonNode status : pod.path("status").path(list)) {
        if (status.path("name").asText().equals(container)) {
          return status;
        }
      }
    }
    return null;
  }
}
