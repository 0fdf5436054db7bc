package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Per-kind defaults of Kubernetes' registry strategies that clients rely on: a new Pod is {@code
 * Pending} (what {@code kubectl get pod} shows until a kubelet reports); a Secret's write-only
 * {@code stringData} is merged into {@code data} (base64) and never stored. Stateless.
 */
public final class BuiltinStrategies implements KindHooks {

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (type.group().isEmpty() && type.plural().equals("pods")) {
      object.putObject("status").put("phase", "Pending");
    }
    foldStringData(type, object);
  }

  @Override
  public void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
    foldStringData(type, object);
  }

  /** As Kubernetes' v1 Secret conversion: stringData entries win over data entries. */
  private static void foldStringData(ResourceType type, ObjectNode object) {
    if (!type.group().isEmpty() || !type.plural().equals("secrets")) {
      return;
    }
    JsonNode stringData = object.remove("stringData");
    if (stringData == null || !stringData.isObject() || stringData.isEmpty()) {
      return;
    }
    ObjectNode data =
        object.get("data") instanceof ObjectNode existing ? existing : object.putObject("data");
    for (Map.Entry<String, JsonNode> entry : stringData.properties()) {
      data.put(
          entry.getKey(),
          Base64.getEncoder()
              .encodeToString(entry.getValue().asText().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
