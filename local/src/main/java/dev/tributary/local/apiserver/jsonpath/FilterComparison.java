package dev.tributary.local.apiserver.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The comparison of a filter such as {@code [?(@.type=="Ready")]}, following Go's text/template
 * comparison functions as client-go uses them:
 *
 * <ul>
 *   <li>values of different kinds (a string and a number, ...) never compare, and such a comparison
 *       does not fail: only {@code !=} is then true;
 *   <li>booleans support only {@code ==} and {@code !=}; objects, arrays and {@code null} are not
 *       comparable at all (only {@code !=} is true);
 *   <li>strings compare by code point.
 * </ul>
 *
 * <p>One deliberate difference: numbers compare by value whether they are written as integers or
 * not. Upstream compares a document's integers (int64) with a literal (always float64) as
 * incompatible kinds, so {@code [?(@.port==80)]} never matches on a real API server, while it does
 * in {@code kubectl -o jsonpath}; we follow kubectl.
 */
final class FilterComparison {

  private enum Kind {
    BOOL,
    NUMBER,
    STRING,
    NOT_COMPARABLE
  }

  private static final int UNORDERED = Integer.MIN_VALUE;

  private FilterComparison() {}

  /**
   * @throws JsonPathException for an operator other than {@code == != < > <= >=}
   */
  static boolean passes(String operator, JsonNode left, JsonNode right) throws JsonPathException {
    return switch (operator) {
      case "==" -> equal(left, right);
      case "!=" -> !equal(left, right);
      case "<" -> order(left, right) < 0;
      case ">" -> order(left, right) > 0;
      case "<=" -> {
        int c = order(left, right);
        yield c != UNORDERED && c <= 0;
      }
      case ">=" -> {
        int c = order(left, right);
        yield c != UNORDERED && c >= 0;
      }
      default -> throw new JsonPathException("unrecognized filter operator " + operator);
    };
  }

  private static boolean equal(JsonNode left, JsonNode right) {
    Kind kind = kind(left);
    if (kind == Kind.NOT_COMPARABLE || kind != kind(right)) {
      return false;
    }
    return switch (kind) {
      case BOOL -> left.booleanValue() == right.booleanValue();
      case STRING -> left.textValue().equals(right.textValue());
      case NUMBER -> compareNumbers(left, right) == 0;
      case NOT_COMPARABLE -> false;
    };
  }

  /** A negative, zero or positive order, or {@link #UNORDERED} when the values do not order. */
  private static int order(JsonNode left, JsonNode right) {
    Kind kind = kind(left);
    if (kind != kind(right)) {
      return UNORDERED;
    }
    return switch (kind) {
      case STRING -> Integer.signum(GoStrings.compare(left.textValue(), right.textValue()));
      case NUMBER -> compareNumbers(left, right);
      case BOOL, NOT_COMPARABLE -> UNORDERED;
    };
  }

  private static int compareNumbers(JsonNode left, JsonNode right) {
    if (left.canConvertToExactIntegral()
        && right.canConvertToExactIntegral()
        && left.canConvertToLong()
        && right.canConvertToLong()) {
      return Integer.signum(Long.compare(left.longValue(), right.longValue()));
    }
    double l = left.doubleValue();
    double r = right.doubleValue();
    return l < r ? -1 : (l > r ? 1 : 0); // primitive comparison: 0.0 equals -0.0, as in Go
  }

  private static Kind kind(JsonNode value) {
    if (value.isBoolean()) {
      return Kind.BOOL;
    }
    if (value.isNumber()) {
      return Kind.NUMBER;
    }
    if (value.isTextual()) {
      return Kind.STRING;
    }
    return Kind.NOT_COMPARABLE;
  }
}
