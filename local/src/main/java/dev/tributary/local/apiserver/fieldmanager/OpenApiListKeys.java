package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Collects the keyed lists a structural schema declares, walking its properties and items. */
final class OpenApiListKeys {

  private OpenApiListKeys() {}

  static void collect(JsonNode node, List<String> path, Map<List<String>, List<String>> out) {
    if (!node.isObject()) {
      return;
    }
    String listType = node.path("x-kubernetes-list-type").asText("");
    if (listType.equals("set")) {
      out.put(List.copyOf(path), List.of());
    } else if (listType.equals("map") && node.path("x-kubernetes-list-map-keys").isArray()) {
      List<String> mapKeys = new ArrayList<>();
      node.path("x-kubernetes-list-map-keys").forEach(k -> mapKeys.add(k.asText()));
      if (!mapKeys.isEmpty()) {
        out.put(List.copyOf(path), List.copyOf(mapKeys));
      }
    }
    JsonNode items = node.get("items");
    if (items != null) {
      collect(items, path, out);
    }
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        path.add(property.getKey());
        collect(property.getValue(), path, out);
        path.remove(path.size() - 1);
      }
    }
  }
}
