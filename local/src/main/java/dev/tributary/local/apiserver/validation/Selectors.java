package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.util.List;
import java.util.Map;

/**
 * {@code metav1.LabelSelector} in JSON form: validation as {@code ValidateLabelSelector} (strict
 * values) and matching as {@code LabelSelectorAsSelector(...).Matches(...)}. Stateless.
 */
final class Selectors {

  private Selectors() {}

  /** The selector's field causes under {@code field}, e.g. {@code spec.selector}. */
  static void validate(JsonNode selector, String field, List<FieldCause> out) {
    if (selector.isMissingNode()) {
      return;
    }
    MetadataRules.labels(Json.stringMap(selector, "matchLabels"), field + ".matchLabels", out);
    List<JsonNode> expressions = Json.items(selector, "matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      JsonNode expr = expressions.get(i);
      String path = field + ".matchExpressions[" + i + "]";
      String operator = Json.text(expr, "operator");
      int values = Json.items(expr, "values").size();
      switch (operator) {
        case "In", "NotIn" -> {
          if (values == 0) {
            out.add(
                FieldCause.required(
                    path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (values > 0) {
            out.add(
                FieldCause.forbidden(
                    path + ".values",
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
          }
        }
        default ->
            out.add(
                FieldCause.invalid(path + ".operator", operator, "not a valid selector operator"));
      }
      String key = Json.text(expr, "key");
      ContentValidation.isQualifiedName(key)
          .forEach(m -> out.add(FieldCause.invalid(path + ".key", key, m)));
      List<JsonNode> items = Json.items(expr, "values");
      for (int j = 0; j < items.size(); j++) {
        String value = items.get(j).asText("");
        int index = j;
        ContentValidation.isLabelValue(value)
            .forEach(m -> out.add(FieldCause.invalid(path + ".values[" + index + "]", value, m)));
      }
    }
  }

  /** Whether the selector has neither {@code matchLabels} nor {@code matchExpressions}. */
  static boolean isEmpty(JsonNode selector) {
    return Json.keys(selector, "matchLabels").isEmpty()
        && Json.items(selector, "matchExpressions").isEmpty();
  }

  /**
   * Whether {@code labels} (null for none) satisfy every requirement. An absent selector matches
   * nothing, an empty one everything.
   */
  static boolean matches(JsonNode selector, Map<String, String> labels) {
    if (selector.isMissingNode()) {
      return false;
    }
    Map<String, String> set = labels == null ? Map.of() : labels;
    Map<String, String> matchLabels = Json.stringMap(selector, "matchLabels");
    if (matchLabels != null) {
      for (Map.Entry<String, String> e : matchLabels.entrySet()) {
        if (!e.getValue().equals(set.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (JsonNode expr : Json.items(selector, "matchExpressions")) {
      String key = Json.text(expr, "key");
      List<String> values = Json.items(expr, "values").stream().map(JsonNode::asText).toList();
      boolean present = set.containsKey(key);
      boolean ok =
          switch (Json.text(expr, "operator")) {
            case "In" -> present && values.contains(set.get(key));
            case "NotIn" -> !present || !values.contains(set.get(key));
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

  /** Whether the selector converts to a selector ({@code LabelSelectorAsSelector} succeeds). */
  static boolean convertible(JsonNode selector) {
    if (selector.isMissingNode()) {
      return true;
    }
    List<FieldCause> causes = new java.util.ArrayList<>();
    validate(selector, "", causes);
    return causes.isEmpty();
  }
}
