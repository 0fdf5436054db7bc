package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Label maps and label selectors printed as kubectl users know them. */
final class Selectors {

  private Selectors() {}

  /** {@code labels.FormatLabels}: {@code a=1,b=2} in key order, {@code <none>} when empty. */
  static String formatLabels(JsonNode labels) {
    Map<String, String> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      sorted.put(entry.getKey(), entry.getValue().asText(""));
    }
    if (sorted.isEmpty()) {
      return "<none>";
    }
    List<String> pairs = new ArrayList<>();
    sorted.forEach((key, value) -> pairs.add(key + "=" + value));
    return String.join(",", pairs);
  }

  /** {@code metav1.FormatLabelSelector}: the selector, {@code <none>} if it selects everything. */
  static String formatLabelSelector(JsonNode selector) {
    return selectorString(selector).map(s -> s.isEmpty() ? "<none>" : s).orElse("<error>");
  }

  /**
   * A {@code LabelSelector} in selector syntax ({@code app=x,tier in (a,b),!canary}), requirements
   * sorted by key; empty for an absent or empty selector; empty Optional if it is malformed.
   */
  static Optional<String> selectorString(JsonNode selector) {
    if (!selector.isObject()) {
      return Optional.of("");
    }
    record Requirement(String key, String text) {}
    List<Requirement> requirements = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      requirements.add(
          new Requirement(entry.getKey(), entry.getKey() + "=" + entry.getValue().asText("")));
    }
    for (JsonNode expression : Fields.list(selector, "matchExpressions")) {
      String key = Fields.text(expression, "key");
      List<String> values = new ArrayList<>();
      Fields.list(expression, "values").forEach(v -> values.add(v.asText("")));
      values.sort(Comparator.naturalOrder());
      String operator = Fields.text(expression, "operator");
      boolean takesValues = operator.equals("In") || operator.equals("NotIn");
      if (takesValues == values.isEmpty()) {
        return Optional.empty(); // In/NotIn need values; Exists/DoesNotExist take none
      }
      String text =
          switch (operator) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "Exists" -> key;
            case "DoesNotExist" -> "!" + key;
            default -> null;
          };
      if (text == null) {
        return Optional.empty();
      }
      requirements.add(new Requirement(key, text));
    }
    requirements.sort(Comparator.comparing(Requirement::key));
    List<String> texts = new ArrayList<>();
    requirements.forEach(r -> texts.add(r.text()));
    return Optional.of(String.join(",", texts));
  }
}
