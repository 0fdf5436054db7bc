package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's notion of "unset" over JSON: a missing or null field, an empty string for string fields, a
 * zero for the non-pointer integers some defaulters test. Stateless.
 */
final class Fields {

  private Fields() {}

  /** {@code parent.field} if it is an object, else null. */
  static ObjectNode object(ObjectNode parent, String field) {
    return parent != null && parent.get(field) instanceof ObjectNode o ? o : null;
  }

  /** {@code parent.field}, made an empty object first if it is not one. */
  static ObjectNode ensureObject(ObjectNode parent, String field) {
    ObjectNode existing = object(parent, field);
    return existing != null ? existing : parent.putObject(field);
  }

  /** The object elements of array {@code parent.field}; none if it is missing. */
  static List<ObjectNode> objects(ObjectNode parent, String field) {
    List<ObjectNode> items = new ArrayList<>();
    if (parent != null && parent.get(field) instanceof ArrayNode array) {
      for (JsonNode item : array) {
        if (item instanceof ObjectNode o) {
          items.add(o);
        }
      }
    }
    return items;
  }

  /** {@code parent.field} as text, {@code ""} if missing, null or not text. */
  static String text(ObjectNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value != null && value.isTextual() ? value.asText() : "";
  }

  static boolean isUnset(ObjectNode parent, String field) {
    JsonNode value = parent.get(field);
    return value == null || value.isNull();
  }

  /** Sets a string field that is missing, null or empty. */
  static void defaultText(ObjectNode parent, String field, String value) {
    if (text(parent, field).isEmpty()
        && (isUnset(parent, field) || parent.get(field).isTextual())) {
      parent.put(field, value);
    }
  }

  /** Sets a pointer integer field that is missing or null. */
  static void defaultInt(ObjectNode parent, String field, int value) {
    if (isUnset(parent, field)) {
      parent.put(field, value);
    }
  }

  /** Sets a non-pointer integer field that is missing, null or 0. */
  static void defaultNonZero(ObjectNode parent, String field, int value) {
    JsonNode current = parent.get(field);
    if (current == null || current.isNull() || (current.isNumber() && current.asLong() == 0)) {
      parent.put(field, value);
    }
  }

  /** Sets a pointer boolean field that is missing or null. */
  static void defaultBool(ObjectNode parent, String field, boolean value) {
    if (isUnset(parent, field)) {
      parent.put(field, value);
    }
  }

  /** Sets a pointer object field that is missing or null to an empty object. */
  static ObjectNode defaultObject(ObjectNode parent, String field) {
    return ensureObject(parent, field);
  }

  /** Whether array or object {@code parent.field} is missing, null or empty. */
  static boolean isEmpty(ObjectNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value == null || value.isNull() || value.isEmpty();
  }
}
