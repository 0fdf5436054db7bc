package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Null-safe reads of an object's fields, giving Go's zero values for anything absent, so that
 * printers read like the typed code they mirror.
 */
final class Fields {

  private Fields() {}

  /** The node at a path of keys, or a {@link MissingNode}; never {@code null}. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node == null ? MissingNode.getInstance() : node;
    for (String key : path) {
      current = current.path(key);
    }
    return current;
  }

  /** A string field, or {@code ""}. */
  static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isTextual() ? value.textValue() : "";
  }

  /** An integer field, or 0. */
  static long integer(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isNumber() ? value.longValue() : 0;
  }

  /** An integer field, or {@code null} when absent or {@code null} (Go's nil pointer). */
  static Long optionalInteger(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isNumber() ? value.longValue() : null;
  }

  /** A boolean field, or false (a string "true" is not a boolean). */
  static boolean bool(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isBoolean() && value.booleanValue();
  }

  /** Whether a field is present and not {@code null}. */
  static boolean present(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return !value.isMissingNode() && !value.isNull();
  }

  /** An array field's elements, or none. */
  static List<JsonNode> list(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(out::add);
    }
    return out;
  }

  /** How many entries a map or list field has (Go's {@code len}); 0 when absent. */
  static int size(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isContainerNode() ? value.size() : 0;
  }
}
