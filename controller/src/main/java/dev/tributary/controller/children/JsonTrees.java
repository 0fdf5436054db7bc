package dev.tributary.controller.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Model objects as Jackson 2 trees, for {@link SemanticDerivative}. fabric8 serializes with its own
 * Jackson, so objects cross as JSON text. Thread-safe.
 */
public final class JsonTrees {

  private final KubernetesSerialization serialization;
  private final ObjectMapper mapper = new ObjectMapper();

  public JsonTrees(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** {@code value} (a model object, list or record) as a tree; a missing node for null. */
  public JsonNode tree(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    try {
      return mapper.readTree(serialization.asJson(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fabric8 wrote JSON Jackson cannot read", e);
    }
  }

  /** Whether {@code desired} is a semantic subset of {@code live} ({@link SemanticDerivative}). */
  public boolean isDerivative(Object desired, Object live) {
    return SemanticDerivative.isDerivative(tree(desired), tree(live));
  }

  /** Whether the two are equal as JSON, null and empty alike (Go's {@code Semantic.DeepEqual}). */
  public boolean semanticallyEqual(Object a, Object b) {
    return isDerivative(a, b) && isDerivative(b, a);
  }
}
