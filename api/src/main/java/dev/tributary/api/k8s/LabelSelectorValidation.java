package dev.tributary.api.k8s;

import dev.tributary.api.gojson.GoJson;
import dev.tributary.api.validation.GoQuote;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a label selector can be turned into a selector, with the error text of
 * k8s.io/apimachinery's {@code metav1.LabelSelectorAsSelector} (v0.35) when it cannot: the first
 * bad requirement's field errors ({@code key: Invalid value: "a b": ...}), in brackets when there
 * are several.
 */
public final class LabelSelectorValidation {
  private LabelSelectorValidation() {}

  /**
   * The error {@code LabelSelectorAsSelector} would return for {@code selector}, if any. A null or
   * empty selector is valid (it selects nothing or everything). Requirements are checked in order:
   * {@code matchLabels} (in the map's order) then {@code matchExpressions}.
   */
  public static Optional<String> validate(LabelSelector selector) {
    if (selector == null) {
      return Optional.empty();
    }
    Map<String, String> labels = selector.getMatchLabels();
    if (labels != null) {
      for (Map.Entry<String, String> e : labels.entrySet()) {
        Optional<String> err = requirement(e.getKey(), "=", List.of(nullToEmpty(e.getValue())));
        if (err.isPresent()) {
          return err;
        }
      }
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    if (expressions != null) {
      for (LabelSelectorRequirement expr : expressions) {
        String op = nullToEmpty(expr.getOperator());
        if (!List.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
          return Optional.of(GoQuote.quote(op) + " is not a valid label selector operator");
        }
        List<String> values = expr.getValues() == null ? List.of() : expr.getValues();
        Optional<String> err = requirement(nullToEmpty(expr.getKey()), op, values);
        if (err.isPresent()) {
          return err;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code labels.NewRequirement}'s checks, rendered as its aggregate error. */
  private static Optional<String> requirement(String key, String op, List<String> values) {
    List<String> errs = new ArrayList<>();
    List<String> keyErrs = ContentValidation.isQualifiedName(key);
    if (!keyErrs.isEmpty()) {
      errs.add(invalid("key", GoQuote.quote(key), String.join("; ", keyErrs)));
    }
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.add(
              invalid(
                  "values",
                  goList(values),
                  "for 'in', 'notin' operators, values set can't be empty"));
        }
      }
      case "=" -> {
        if (values.size() != 1) {
          errs.add(
              invalid(
                  "values", goList(values), "exact-match compatibility requires one single value"));
        }
      }
      default -> {
        if (!values.isEmpty()) {
          errs.add(
              invalid(
                  "values",
                  goList(values),
                  "values set must be empty for exists and does not exist"));
        }
      }
    }
    for (int i = 0; i < values.size(); i++) {
      String v = nullToEmpty(values.get(i));
      List<String> valueErrs = ContentValidation.isLabelValue(v);
      if (!valueErrs.isEmpty()) {
        errs.add(
            invalid(
                "values[" + i + "][" + key + "]", GoQuote.quote(v), String.join("; ", valueErrs)));
      }
    }
    return aggregate(errs);
  }

  private static String invalid(String path, String renderedValue, String detail) {
    return path + ": Invalid value: " + renderedValue + ": " + detail;
  }

  // Go passes a copy made with append([]string(nil), ...), which is nil (JSON null) when empty.
  private static String goList(List<String> values) {
    return values.isEmpty() ? "null" : GoJson.write(values);
  }

  private static Optional<String> aggregate(List<String> errs) {
    Set<String> distinct = new LinkedHashSet<>(errs);
    if (distinct.isEmpty()) {
      return Optional.empty();
    }
    if (distinct.size() == 1) {
      return Optional.of(distinct.iterator().next());
    }
    return Optional.of("[" + String.join(", ", distinct) + "]");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
