package dev.tributary.local.apiserver.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders JSON values as Go renders the decoded form of an unstructured object: {@code fmt}'s
 * {@code %v} for scalars and {@code encoding/json} for objects and arrays. Integers (JSON numbers
 * without fraction or exponent that fit in 64 bits) stay integers; every other number is a float64,
 * as in Kubernetes' unstructured decoding.
 */
final class GoText {

  private GoText() {}

  /** {@code fmt.Sprint} of a scalar; objects and arrays are encoded as JSON. */
  static String sprint(JsonNode value) {
    if (value.isContainerNode()) {
      return json(value);
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    if (isInt64(value)) {
      return Long.toString(value.longValue());
    }
    if (value.isNumber()) {
      return formatFloatV(value.doubleValue());
    }
    return "<nil>";
  }

  /** {@code json.Marshal}: compact, keys sorted, HTML characters escaped. */
  static String json(JsonNode value) {
    StringBuilder out = new StringBuilder();
    appendJson(out, value);
    return out.toString();
  }

  static boolean isInt64(JsonNode value) {
    return value.isIntegralNumber() && value.canConvertToLong();
  }

  private static void appendJson(StringBuilder out, JsonNode value) {
    if (value.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>(GoStrings::compare);
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        sorted.put(entry.getKey(), entry.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, entry.getKey());
        out.append(':');
        appendJson(out, entry.getValue());
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        appendJson(out, value.get(i));
      }
      out.append(']');
    } else if (value.isTextual()) {
      appendString(out, value.textValue());
    } else if (value.isBoolean()) {
      out.append(value.booleanValue());
    } else if (isInt64(value)) {
      out.append(value.longValue());
    } else if (value.isNumber()) {
      out.append(formatFloatJson(value.doubleValue()));
    } else {
      out.append("null");
    }
  }

  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            appendUnicodeEscape(out, c);
          } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append("\\ufffd"); // Go replaces invalid UTF-8 the same way
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append(String.format("\\u%04x", (int) c));
  }

  /**
   * {@code fmt.Sprint(float64)}: the shortest digits, in exponent form when the decimal exponent is
   * below -4 or at least 6 ({@code 1e-05}, {@code 1e+06}), else in fixed form ({@code 123456}).
   */
  static String formatFloatV(double d) {
    Decimal digits = Decimal.of(d);
    int exp = digits.point - 1;
    if (exp < -4 || exp >= 6) {
      return exponentForm(digits, false);
    }
    return fixedForm(digits);
  }

  /** {@code encoding/json} for a float64: fixed form unless tiny or huge. */
  static String formatFloatJson(double d) {
    double abs = Math.abs(d);
    Decimal digits = Decimal.of(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      return exponentForm(digits, true);
    }
    return fixedForm(digits);
  }

  private static String exponentForm(Decimal digits, boolean jsonStyle) {
    StringBuilder out = new StringBuilder();
    if (digits.negative) {
      out.append('-');
    }
    out.append(digits.digits.charAt(0));
    if (digits.digits.length() > 1) {
      out.append('.').append(digits.digits, 1, digits.digits.length());
    }
    int exp = digits.digits.equals("0") ? 0 : digits.point - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int absExp = Math.abs(exp);
    if (absExp < 10 && !(jsonStyle && exp < 0)) {
      out.append('0'); // Go pads the exponent to two digits; JSON trims "e-09" to "e-9"
    }
    out.append(absExp);
    return out.toString();
  }

  private static String fixedForm(Decimal digits) {
    StringBuilder out = new StringBuilder();
    if (digits.negative) {
      out.append('-');
    }
    String d = digits.digits;
    int point = d.equals("0") ? 1 : digits.point;
    if (point > 0) {
      for (int i = 0; i < point; i++) {
        out.append(i < d.length() ? d.charAt(i) : '0');
      }
    } else {
      out.append('0');
    }
    int decimals = Math.max(d.length() - point, 0);
    if (decimals > 0) {
      out.append('.');
      for (int i = 0; i < decimals; i++) {
        int index = point + i;
        out.append(index >= 0 && index < d.length() ? d.charAt(index) : '0');
      }
    }
    return out.toString();
  }

  /** The shortest decimal digits of a double: value = 0.{@code digits} x 10^{@code point}. */
  private record Decimal(boolean negative, String digits, int point) {

    static Decimal of(double d) {
      boolean negative = d < 0 || (d == 0 && 1 / d < 0);
      if (d == 0) {
        return new Decimal(negative, "0", 1);
      }
      // Java 19+ Double.toString yields the shortest digits that round-trip, like Go's 'g' -1
      BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
      String unscaled = exact.unscaledValue().toString();
      return new Decimal(negative, unscaled, unscaled.length() - exact.scale());
    }
  }
}
