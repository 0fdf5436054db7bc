package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds and removes the value a field path names in an object. */
final class FieldPaths {

  private FieldPaths() {}

  /** Removes the value at {@code path} from {@code object}, if it is there. */
  static void remove(ObjectNode object, List<String> path) {
    JsonNode parent = object;
    for (int i = 0; i < path.size() - 1 && parent != null; i++) {
      parent = step(parent, path.get(i));
    }
    if (parent == null) {
      return;
    }
    String last = path.get(path.size() - 1);
    if (last.startsWith("f:") && parent instanceof ObjectNode node) {
      node.remove(last.substring(2));
    } else if (parent instanceof ArrayNode list) {
      int at = indexOf(list, last);
      if (at >= 0) {
        list.remove(at);
      }
    }
  }

  private static JsonNode step(JsonNode node, String element) {
    if (element.startsWith("f:")) {
      return node.isObject() ? node.get(element.substring(2)) : null;
    }
    if (node instanceof ArrayNode list) {
      int at = indexOf(list, element);
      return at >= 0 ? list.get(at) : null;
    }
    return null;
  }

  private static int indexOf(ArrayNode list, String element) {
    String body = element.substring(2);
    switch (element.charAt(0)) {
      case 'i' -> {
        int at = Integer.parseInt(body);
        return at < list.size() ? at : -1;
      }
      case 'v' -> {
        JsonNode value = Json.parse(body);
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).equals(value)) {
            return i;
          }
        }
        return -1;
      }
      case 'k' -> {
        JsonNode key = Json.parse(body);
        for (int i = 0; i < list.size(); i++) {
          if (matches(list.get(i), key)) {
            return i;
          }
        }
        return -1;
      }
      default -> {
        return -1;
      }
    }
  }

  private static boolean matches(JsonNode item, JsonNode key) {
    for (Iterator<Map.Entry<String, JsonNode>> it = key.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().equals(item.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
