package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.validation.GoQuote;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders JSON values the way Go's fmt and strconv print the decoded form ({@code
 * map[string]interface{}}, {@code []interface{}}, string, int64, float64, bool, nil) that
 * Kubernetes' error messages embed. Clients and users compare these strings, so they follow Go's
 * rules, not Java's.
 */
final class GoValues {

  private GoValues() {}

  /**
   * A float64 as Go's {@code %v} prints it: the shortest digits that round-trip, in exponent form
   * ({@code 1e+06}) when the exponent is below -4 or at least 6.
   */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    // Double.toString yields the shortest round-tripping digits (JDK 19+), as Go's 'g', -1 does.
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - exact.scale(); // value = 0.<digits> * 10^dp
    int exp = dp - 1;
    if (exp < -4 || exp >= 6) {
      StringBuilder out = new StringBuilder(sign).append(digits.charAt(0));
      if (nd > 1) {
        out.append('.').append(digits, 1, nd);
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int abs = Math.abs(exp);
      if (abs < 10) {
        out.append('0');
      }
      return out.append(abs).toString();
    }
    if (dp <= 0) {
      return sign + "0." + "0".repeat(-dp) + digits;
    }
    if (dp >= nd) {
      return sign + digits + "0".repeat(dp - nd);
    }
    return sign + digits.substring(0, dp) + "." + digits.substring(dp);
  }

  /** Whether a JSON number decodes to Go's int64 (else it is a float64). */
  static boolean isInt64(JsonNode n) {
    return n.isNumber() && n.canConvertToLong() && n.isIntegralNumber();
  }

  /** A JSON number as Go prints the decoded int64 or float64 with {@code %v}. */
  static String number(JsonNode n) {
    return isInt64(n) ? Long.toString(n.longValue()) : formatFloat(n.doubleValue());
  }

  /**
   * A field error's bad value as apimachinery (v1.32) prints it after {@code "Invalid value: "}:
   * strings quoted, numbers and booleans bare, null as {@code "null"}, objects and arrays in Go
   * syntax.
   */
  static String errorValue(Object value) {
    if (value == null) {
      return GoQuote.quote("null");
    }
    if (value instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return GoQuote.quote("null");
      }
      if (node.isTextual()) {
        return GoQuote.quote(node.textValue());
      }
      if (node.isNumber()) {
        return number(node);
      }
      if (node.isBoolean()) {
        return Boolean.toString(node.booleanValue());
      }
      return goSyntax(node);
    }
    if (value instanceof String s) {
      return GoQuote.quote(s);
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    return value.toString();
  }

  /** Go's {@code %#v} of a decoded JSON value. */
  static String goSyntax(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "interface {}(nil)";
    }
    if (node.isTextual()) {
      return GoQuote.quote(node.textValue());
    }
    if (node.isNumber()) {
      return number(node);
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    List<String> parts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> parts.add(goSyntax(item)));
      return "[]interface {}{" + String.join(", ", parts) + "}";
    }
    for (Map.Entry<String, JsonNode> e : sortedFields(node)) {
      parts.add(GoQuote.quote(e.getKey()) + ":" + goSyntax(e.getValue()));
    }
    return "map[string]interface {}{" + String.join(", ", parts) + "}";
  }

  /** Go's {@code %v} of a decoded JSON value, as in {@code should be one of [a b]}. */
  static String plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "<nil>";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return number(node);
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    List<String> parts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> parts.add(plain(item)));
      return "[" + String.join(" ", parts) + "]";
    }
    for (Map.Entry<String, JsonNode> e : sortedFields(node)) {
      parts.add(e.getKey() + ":" + plain(e.getValue()));
    }
    return "map[" + String.join(" ", parts) + "]";
  }

  /** Go's {@code %v} of a list of decoded JSON values: {@code [a b c]}. */
  static String plain(List<JsonNode> values) {
    List<String> parts = new ArrayList<>();
    values.forEach(v -> parts.add(plain(v)));
    return "[" + String.join(" ", parts) + "]";
  }

  /** Go prints map keys sorted. */
  private static List<Map.Entry<String, JsonNode>> sortedFields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      fields.add(it.next());
    }
    fields.sort(Map.Entry.comparingByKey());
    return fields;
  }
}
