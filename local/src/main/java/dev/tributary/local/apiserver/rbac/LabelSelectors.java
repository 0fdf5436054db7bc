package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code metav1.LabelSelector} matching (matchLabels and matchExpressions), over JSON trees. */
public final class LabelSelectors {

  private LabelSelectors() {}

  /**
   * Whether {@code labels} (a {@code metadata.labels} object, possibly null) satisfy {@code
   * selector}. A missing selector matches nothing and an empty one everything, as Kubernetes'
   * {@code LabelSelectorAsSelector} has it; a selector with an unknown operator matches nothing.
   */
  public static boolean matches(JsonNode selector, JsonNode labels) {
    if (selector == null || !selector.isObject()) {
      return false;
    }
    JsonNode matchLabels = selector.get("matchLabels");
    if (matchLabels != null && matchLabels.isObject()) {
      for (Map.Entry<String, JsonNode> entry : matchLabels.properties()) {
        JsonNode actual = labels == null ? null : labels.get(entry.getKey());
        if (actual == null
            || !actual.isTextual()
            || !actual.textValue().equals(entry.getValue().asText())) {
          return false;
        }
      }
    }
    for (JsonNode expression : Nodes.array(selector, "matchExpressions")) {
      String key = Nodes.text(expression, "key");
      boolean present = labels != null && labels.has(key) && labels.get(key).isTextual();
      String value = Nodes.text(labels, key);
      List<String> values = Nodes.strings(expression, "values");
      boolean ok =
          switch (Nodes.text(expression, "operator")) {
            case "In" -> present && values.contains(value);
            case "NotIn" -> !present || !values.contains(value);
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
