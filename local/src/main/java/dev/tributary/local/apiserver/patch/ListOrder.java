package dev.tributary.local.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of a merged list, as apimachinery's strategic merge patch decides it: elements the
 * patch (or its {@code $setElementOrder} directive) names come in the patch's order, the others
 * ("server-only") keep their order in the live list, and the two runs are interleaved by their
 * positions in the live list. An element new to the live list is placed as soon as it comes up in
 * the patch's run, so a patch that adds one element to a list puts it first.
 */
final class ListOrder {

  private ListOrder() {}

  /**
   * @param merged the merged elements, in any order
   * @param order the elements (or {@code {mergeKey: value}} stubs) whose order the patch sets
   * @param live the live list before the patch, for the server-only elements' order
   * @param mergeKey the merge key, or empty for a list of primitives
   */
  static ArrayNode enforce(
      List<JsonNode> merged, List<JsonNode> order, List<JsonNode> live, String mergeKey) {
    List<JsonNode> named = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode element : merged) {
      (indexOf(order, element, mergeKey) >= 0 ? named : serverOnly).add(element);
    }
    named.sort(Comparator.comparingInt(e -> indexOf(order, e, mergeKey)));
    serverOnly.sort(Comparator.comparingInt(e -> positionIn(live, e, mergeKey)));

    ArrayNode result = JsonNodeFactory.instance.arrayNode(merged.size());
    int left = 0;
    int right = 0;
    while (left < serverOnly.size() && right < named.size()) {
      int serverPosition = indexOf(live, serverOnly.get(left), mergeKey);
      int namedPosition = indexOf(live, named.get(right), mergeKey);
      if (serverPosition >= 0 && namedPosition >= 0 && serverPosition < namedPosition) {
        result.add(serverOnly.get(left++));
      } else {
        result.add(named.get(right++));
      }
    }
    serverOnly.subList(left, serverOnly.size()).forEach(result::add);
    named.subList(right, named.size()).forEach(result::add);
    return result;
  }

  /** Where {@code element} is in {@code list} (by merge key, or by value), or -1. */
  static int indexOf(List<JsonNode> list, JsonNode element, String mergeKey) {
    JsonNode identity = identity(element, mergeKey);
    if (identity == null) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode other = identity(list.get(i), mergeKey);
      if (other != null && JsonValues.equivalent(identity, other)) {
        return i;
      }
    }
    return -1;
  }

  private static int positionIn(List<JsonNode> list, JsonNode element, String mergeKey) {
    int index = indexOf(list, element, mergeKey);
    return index >= 0 ? index : Integer.MAX_VALUE;
  }

  /** What identifies an element: its merge key's value, or the element itself for primitives. */
  private static JsonNode identity(JsonNode element, String mergeKey) {
    if (mergeKey.isEmpty()) {
      return element;
    }
    return element.isObject() ? element.get(mergeKey) : null;
  }
}
