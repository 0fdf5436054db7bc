package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Value comparisons and descriptions shared by the patch implementations. */
final class JsonValues {

  private JsonValues() {}

  /**
   * Deep JSON equality in which numbers compare by value ({@code 1}, {@code 1.0} and a long 1 are
   * equal), as RFC 6902 {@code test} and Go's decoded-JSON comparisons behave; Jackson's own {@code
   * equals} tells an int node from a long node.
   */
  static boolean equivalent(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        if (!equivalent(field.getValue(), b.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equivalent(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * The JSON type word Go's encoding/json uses in "cannot unmarshal X into ..." errors, so our
   * decoding messages read like kube-apiserver's.
   */
  static String jsonTypeWord(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "object";
      case ARRAY -> "array";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      case NULL, MISSING -> "null";
    };
  }

  /** The Go type a decoded JSON value has, for messages that mirror apimachinery's. */
  static String goTypeName(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "<nil>";
    }
    return switch (node.getNodeType()) {
      case OBJECT, POJO -> "map[string]interface {}";
      case ARRAY -> "[]interface {}";
      case STRING, BINARY -> "string";
      case NUMBER -> node.isIntegralNumber() ? "int64" : "float64";
      case BOOLEAN -> "bool";
      case NULL, MISSING -> "<nil>";
    };
  }
}
