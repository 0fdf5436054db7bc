package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code scale} subresource of Deployments, ReplicaSets and StatefulSets: the object seen as an
 * {@code autoscaling/v1 Scale} ({@code kubectl scale}, fabric8 {@code scale(n)}); writing one sets
 * {@code spec.replicas}, with the main resource's rules (resourceVersion precondition, generation).
 * Blocking, thread-safe.
 */
public final class ScaleSubresource {

  private final ObjectService objects;

  public ScaleSubresource(ObjectService objects) {
    this.objects = objects;
  }

  /** GET: the Scale of an object. */
  public ObjectNode get(ResourceType type, String namespace, String name) {
    return scaleOf(objects.get(type, namespace, name));
  }

  /** PUT: sets {@code spec.replicas} from {@code scale}. */
  public ObjectNode update(
      ResourceType type, String namespace, String name, ObjectNode scale, boolean dryRun) {
    ObjectNode object = objects.get(type, namespace, name);
    String requested = Meta.resourceVersion(scale);
    if (!requested.isEmpty()) {
      Meta.of(object).put("resourceVersion", requested);
    }
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isMissingNode() && !replicas.isNull()) {
      if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
        throw ApiErrors.invalid(
            "autoscaling",
            "Scale",
            name,
            java.util.List.of(
                dev.tributary.local.apiserver.errors.FieldCause.invalid(
                    "spec.replicas", replicas.asText(), "must be greater than or equal to 0")));
      }
      object.with("spec").put("replicas", replicas.asInt());
    }
    return scaleOf(objects.update(type, namespace, name, object, dryRun));
  }

  /** PATCH: {@code patch} applies to the Scale, which is then written as by PUT. */
  public ObjectNode patch(
      ResourceType type,
      String namespace,
      String name,
      String contentType,
      byte[] patch,
      boolean dryRun) {
    ObjectNode current = get(type, namespace, name);
    ObjectNode patched = objects.patches().apply(contentType, current, patch, type);
    return update(type, namespace, name, patched, dryRun);
  }

  private static ObjectNode scaleOf(ObjectNode object) {
    ObjectNode scale = Json.NODES.objectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field :
        java.util.List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      JsonNode value = object.path("metadata").get(field);
      if (value != null) {
        metadata.set(field, value.deepCopy());
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selector(object.path("spec").path("selector").path("matchLabels")));
    return scale;
  }

  /** {@code matchLabels} as a label-selector string, keys sorted ({@code app=x,tier=y}). */
  private static String selector(JsonNode matchLabels) {
    Map<String, String> sorted = new TreeMap<>();
    matchLabels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    StringBuilder text = new StringBuilder();
    sorted.forEach(
        (k, v) -> text.append(text.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return text.toString();
  }
}
