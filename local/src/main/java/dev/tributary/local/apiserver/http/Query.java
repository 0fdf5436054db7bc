package dev.tributary.local.apiserver.http;

import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.util.Map;

/** Reading query parameters as Kubernetes (Go) reads them. Stateless. */
public final class Query {

  private Query() {}

  /**
   * Go's {@code strconv.ParseBool}: {@code 1 t T TRUE true True} and {@code 0 f F FALSE false
   * False}; an absent or empty parameter is false (Python sends {@code watch=True}).
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 for any other text
   */
  public static boolean bool(Map<String, String> query, String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default ->
          throw ApiErrors.badRequest(
              "invalid boolean value for " + name + ": " + GoQuote.quote(value));
    };
  }

  /**
   * A non-negative integer parameter, or {@code fallback} if absent.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 if it is not one
   */
  public static long number(Map<String, String> query, String name, long fallback) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw ApiErrors.badRequest(name + " must not be negative: " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw ApiErrors.badRequest("invalid value for " + name + ": " + value);
    }
  }
}
