package dev.tributary.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads an object's {@code status} as JSON, stamps {@code observedGeneration}, and tells whether
 * two statuses differ. Pure functions over JSON trees, so any kind (typed or generic) works.
 */
public final class StatusComparison {

  private final KubernetesSerialization serialization;
  // fabric8 serializes with Jackson 3; our trees are Jackson 2's, so objects cross as JSON text.
  private final ObjectMapper mapper = new ObjectMapper();

  public StatusComparison(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** {@code object} as a JSON tree. */
  public ObjectNode tree(HasMetadata object) {
    try {
      return (ObjectNode) mapper.readTree(serialization.asJson(object));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fabric8 wrote JSON Jackson cannot read", e);
    }
  }

  /** {@code tree} as an object of {@code type}. */
  public <T> T object(ObjectNode tree, Class<T> type) {
    return serialization.unmarshal(tree.toString(), type);
  }

  /** The {@code status} of {@code tree}; a missing node when it has none. */
  public static JsonNode status(ObjectNode tree) {
    JsonNode status = tree.get("status");
    return status == null || status.isNull() ? MissingNode.getInstance() : status;
  }

  /**
   * Sets {@code status.observedGeneration} to {@code metadata.generation} in {@code tree} (creating
   * the status when needed), as knative.dev/pkg does after every reconcile, success or failure.
   * Objects without a generation are left alone.
   */
  public static void stampObservedGeneration(ObjectNode tree) {
    JsonNode generation = tree.path("metadata").path("generation");
    if (!generation.isNumber()) {
      return;
    }
    JsonNode status = tree.get("status");
    ObjectNode statusObject =
        status instanceof ObjectNode existing ? existing : tree.putObject("status");
    statusObject.put("observedGeneration", generation.asLong());
  }

  /**
   * Whether two statuses differ as JSON values: field order does not matter, nor how a number was
   * parsed ({@code 3} as an int or a long is the same value).
   */
  public static boolean changed(JsonNode before, JsonNode after) {
    return !before.equals(StatusComparison::compareNumbersByValue, after);
  }

  private static int compareNumbersByValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }
}
