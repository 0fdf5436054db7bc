package dev.tributary.controller.children;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * apimachinery's {@code equality.Semantic.DeepDerivative} over JSON trees: whether {@code desired}
 * is a semantic subset of {@code live}, so that fields the desired object leaves empty (and fields
 * the API server defaults) do not count as differences. Pure.
 *
 * <p>Rules, as Go's: a missing, null, empty string, empty array or empty object in {@code desired}
 * matches anything; a non-empty array must not be longer than the live one and each of its elements
 * must be a derivative of the live element at the same index; an object's every key must be a
 * derivative of the live value of that key; numbers and booleans must be equal (a zero number or
 * {@code false} is compared, as Go compares non-pointer scalars).
 */
public final class SemanticDerivative {

  private SemanticDerivative() {}

  /** Whether {@code desired} is a semantic subset of {@code live}. */
  public static boolean isDerivative(JsonNode desired, JsonNode live) {
    if (desired == null || desired.isNull() || desired.isMissingNode()) {
      return true;
    }
    if (desired.isTextual()) {
      return desired.asText().isEmpty() || (live != null && desired.equals(live));
    }
    if (desired.isArray()) {
      if (desired.isEmpty()) {
        return true;
      }
      if (live == null || !live.isArray() || desired.size() > live.size()) {
        return false;
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!isDerivative(desired.get(i), live.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isObject()) {
      if (desired.isEmpty()) {
        return true;
      }
      if (live == null || !live.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = desired.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!isDerivative(field.getValue(), live.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isNumber()) {
      return live != null
          && live.isNumber()
          && desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    return desired.equals(live);
  }
}
