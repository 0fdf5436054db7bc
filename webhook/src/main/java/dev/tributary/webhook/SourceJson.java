package dev.tributary.webhook;

import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves objects between the JSON an API server sends and the api module's typed classes, with
 * fabric8's serialization. Thread-safe.
 */
public final class SourceJson {

  private final KubernetesSerialization serialization;

  public SourceJson(KubernetesSerialization serialization) {
    this.serialization = Objects.requireNonNull(serialization, "serialization");
  }

  /** A serialization of its own. */
  public SourceJson() {
    this(new KubernetesSerialization());
  }

  /**
   * The JSON object of an AdmissionReview's or ConversionReview's object (decoded as maps).
   *
   * @throws IllegalArgumentException if it is not a JSON object
   */
  public ObjectNode tree(Object object) {
    JsonNode node = serialization.convertValue(object, JsonNode.class);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the object is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /** {@code object} decoded as {@code type}; a fresh instance the caller owns. */
  public <T> T decode(JsonNode object, Class<T> type) {
    return serialization.convertValue(object, type);
  }

  /** What {@link #tree} would give for {@code value} as JSON, without the null members. */
  public ObjectNode encode(Object value) {
    ObjectNode node = (ObjectNode) serialization.convertValue(value, JsonNode.class);
    removeNulls(node);
    return node;
  }

  /** A plain value (e.g. for a review's object list) from a tree. */
  public Object plain(JsonNode node) {
    return serialization.convertValue(node, Object.class);
  }

  /** The serialization used. */
  public KubernetesSerialization serialization() {
    return serialization;
  }

  /** Go's {@code GroupVersionKind.String()}: {@code group/version, Kind=kind}. */
  public static String describe(GroupVersionKind gvk) {
    if (gvk == null) {
      return "/, Kind=";
    }
    String group = gvk.getGroup() == null ? "" : gvk.getGroup();
    String version = gvk.getVersion() == null ? "" : gvk.getVersion();
    String gv = group.isEmpty() ? version : group + "/" + version;
    return gv + ", Kind=" + (gvk.getKind() == null ? "" : gvk.getKind());
  }

  /** The first line of {@code e}'s message (Jackson appends source locations on later lines). */
  public static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    Throwable cause = e;
    while (cause != null && !(cause instanceof JacksonException)) {
      cause = cause.getCause();
    }
    if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
      first = first + " at " + jackson.getPathReference();
    }
    return first;
  }

  private static void removeNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(e -> e.getValue().isNull());
      object.properties().forEach(e -> removeNulls(e.getValue()));
    } else if (node != null && node.isArray()) {
      node.forEach(SourceJson::removeNulls);
    }
  }
}
