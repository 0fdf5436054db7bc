package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe reads of Jackson trees, with Go's zero values for what is absent. Stateless. */
final class Json {

  private Json() {}

  /** {@code node.field}, or a missing node; never null. */
  static JsonNode child(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? MissingNode.getInstance() : value;
  }

  /** Whether {@code node.field} is present and not null. */
  static boolean has(JsonNode node, String field) {
    return !child(node, field).isMissingNode();
  }

  /** {@code node.field} as text, {@code ""} when absent. */
  static String text(JsonNode node, String field) {
    JsonNode value = child(node, field);
    return value.isValueNode() ? value.asText() : "";
  }

  /** The elements of the array {@code node.field}; empty when absent. */
  static List<JsonNode> items(JsonNode node, String field) {
    JsonNode value = child(node, field);
    List<JsonNode> out = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(out::add);
    }
    return out;
  }

  /** The string map {@code node.field} in document order, or null when absent (Go's nil map). */
  static Map<String, String> stringMap(JsonNode node, String field) {
    JsonNode value = child(node, field);
    if (!value.isObject()) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText("")));
    return out;
  }

  /** The field names of the object {@code node.field}, in document order. */
  static List<String> keys(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    child(node, field).fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** {@code node.field} as a long when it is a number, else null. */
  static Long number(JsonNode node, String field) {
    JsonNode value = child(node, field);
    return value.isNumber() ? value.asLong() : null;
  }
}
