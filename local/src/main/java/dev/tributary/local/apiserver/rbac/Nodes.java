package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Lenient reads of Kubernetes objects held as JSON trees: absent and null read as empty. */
final class Nodes {

  static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private Nodes() {}

  /** The string at {@code field} of {@code node}, or "" when absent, null or not a string. */
  static String text(JsonNode node, String field) {
    if (node == null) {
      return "";
    }
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  /** The strings of the array at {@code field}; non-string items are skipped. */
  static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : array(node, field)) {
      if (item.isTextual()) {
        out.add(item.textValue());
      }
    }
    return out;
  }

  /** The items of the array at {@code field}, or none when it is absent or not an array. */
  static List<JsonNode> array(JsonNode node, String field) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.get(field) != null && node.get(field).isArray()) {
      node.get(field).forEach(out::add);
    }
    return out;
  }

  /** The object at {@code field}, or null when absent or not an object. */
  static ObjectNode object(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value instanceof ObjectNode object ? object : null;
  }

  static ArrayNode stringArray(List<String> values) {
    ArrayNode array = FACTORY.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** The {@code metadata.name} of an object, or "". */
  static String name(JsonNode object) {
    return text(object(object, "metadata"), "name");
  }

  /** The {@code metadata.namespace} of an object, or "". */
  static String namespace(JsonNode object) {
    return text(object(object, "metadata"), "namespace");
  }
}
