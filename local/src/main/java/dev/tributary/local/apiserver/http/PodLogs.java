package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pods/log} until a kubelet runs containers and feeds it: the container is chosen as
 * Kubernetes chooses it, and the answer is the 400 a real cluster gives for a container that has
 * not started. Stateless.
 */
final class PodLogs {

  private PodLogs() {}

  static ApiResponse waitingToStart(ObjectNode pod, Map<String, String> query) {
    String podName = pod.path("metadata").path("name").asText();
    List<String> containers = new ArrayList<>();
    for (JsonNode container : pod.path("spec").path("containers")) {
      containers.add(container.path("name").asText());
    }
    String container = query.getOrDefault("container", "");
    if (container.isEmpty()) {
      if (containers.size() != 1) {
        throw ApiErrors.badRequest(
            "a container name must be specified for pod "
                + podName
                + ", choose one of: "
                + containers.toString().replace(",", ""));
      }
      container = containers.get(0);
    } else if (!containers.contains(container)) {
      throw ApiErrors.badRequest("container " + container + " is not valid for pod " + podName);
    }
    throw ApiErrors.badRequest(
        "container "
            + GoQuote.quote(container)
            + " in pod "
            + GoQuote.quote(podName)
            + " is waiting to start: ContainerCreating");
  }
}
