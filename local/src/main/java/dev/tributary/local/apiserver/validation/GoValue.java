package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.GoQuote;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value as apimachinery's {@code field.Error} prints it inside a message: Go's {@code %#v} for
 * maps and structs, or the value's {@code String()} where Go has one (e.g. {@code LabelSelector}).
 * {@link #toString()} is the rendering, so {@code FieldCause.invalid} prints it unquoted.
 *
 * @param text the rendering
 */
record GoValue(String text) {

  @Override
  public String toString() {
    return text;
  }

  /** Go's {@code %#v} of a {@code map[string]string}: keys sorted, nil as {@code (nil)}. */
  static GoValue stringMap(Map<String, String> map) {
    if (map == null) {
      return new GoValue("map[string]string(nil)");
    }
    StringBuilder out = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      out.append(first ? "" : ", ")
          .append(GoQuote.quote(e.getKey()))
          .append(':')
          .append(GoQuote.quote(e.getValue()));
      first = false;
    }
    return new GoValue(out.append('}').toString());
  }

  /** Go's {@code %#v} of a {@code []string}. */
  static GoValue stringSlice(List<String> values) {
    StringBuilder out = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(GoQuote.quote(values.get(i)));
    }
    return new GoValue(out.append('}').toString());
  }

  /**
   * The generated {@code (*LabelSelector).String()} of metav1, which the error printer prefers over
   * {@code %#v}: {@code &LabelSelector{MatchLabels:map[string]string{app: x,},...}}; {@code null}
   * for an absent selector.
   */
  static GoValue labelSelector(JsonNode selector) {
    if (selector == null || selector.isMissingNode() || selector.isNull()) {
      return new GoValue("null");
    }
    StringBuilder out = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
    Map<String, String> labels = Json.stringMap(selector, "matchLabels");
    if (labels != null) {
      new TreeMap<>(labels).forEach((k, v) -> out.append(k).append(": ").append(v).append(','));
    }
    out.append("},MatchExpressions:[]LabelSelectorRequirement{");
    for (JsonNode expr : Json.items(selector, "matchExpressions")) {
      List<String> values = Json.items(expr, "values").stream().map(JsonNode::asText).toList();
      out.append("LabelSelectorRequirement{Key:")
          .append(Json.text(expr, "key"))
          .append(",Operator:")
          .append(Json.text(expr, "operator"))
          .append(",Values:[")
          .append(String.join(" ", values))
          .append("],},");
    }
    return new GoValue(out.append("},}").toString());
  }

  /** Go's {@code %#v} of a string-typed enum (e.g. {@code core.RestartPolicy}): quoted. */
  static GoValue quoted(String value) {
    return new GoValue(GoQuote.quote(value));
  }
}
