package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code intstr.IntOrString} used as a count or a percentage (rolling-update {@code
 * maxUnavailable}/{@code maxSurge}), with apps validation's checks. Stateless.
 */
final class IntOrPercent {

  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

  private IntOrPercent() {}

  /** The value's {@code String()}, as error messages print it. */
  static GoValue render(JsonNode value) {
    return new GoValue(value.isNumber() ? Long.toString(value.asLong()) : value.asText(""));
  }

  /** {@code ValidatePositiveIntOrPercent}. */
  static void validatePositive(JsonNode value, String field, List<FieldCause> out) {
    if (value.isNumber()) {
      Causes.nonNegative(value.asLong(), field, out);
    } else if (value.isTextual() && !PERCENT.matcher(value.asText()).matches()) {
      out.add(
          FieldCause.invalid(
              field,
              render(value),
              Causes.regexError(
                  "a valid percent string must be a numeric string followed by an ending '%'",
                  "[0-9]+%", "1%", "93%")));
    }
  }

  /** {@code IsNotMoreThan100Percent}. */
  static void validateAtMost100Percent(JsonNode value, String field, List<FieldCause> out) {
    if (value.isTextual() && PERCENT.matcher(value.asText()).matches() && amount(value) > 100) {
      out.add(FieldCause.invalid(field, render(value), "must not be greater than 100%"));
    }
  }

  /** {@code getIntOrPercentValue}: the number, the percentage, or 0 for anything else. */
  static long amount(JsonNode value) {
    if (value.isNumber()) {
      return value.asLong();
    }
    String text = value.asText("");
    if (PERCENT.matcher(text).matches()) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0; // Go's IntValue() of a non-numeric string
    }
  }
}
