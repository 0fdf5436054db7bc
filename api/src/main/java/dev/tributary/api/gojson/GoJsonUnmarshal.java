package dev.tributary.api.gojson;

import java.util.Optional;

/**
 * The errors Go's {@code json.Unmarshal} returns, with Go's exact texts, for the targets Knative's
 * validation decodes into. Knative shows these texts to users (PingSource's {@code data} and {@code
 * dataBase64} must be JSON objects when the content type says JSON).
 *
 * <p>Stateless and thread-safe.
 */
public final class GoJsonUnmarshal {
  private static final String MAP_TYPE = "map[string]interface {}";

  private GoJsonUnmarshal() {}

  /**
   * The error {@code json.Unmarshal(data, &map[string]interface{}{})} returns, if any: a syntax
   * error ({@link GoJsonScanner}), a type error when the value is not an object (JSON {@code null}
   * is accepted), or the first number in the object too large for a float64.
   */
  public static Optional<String> objectError(byte[] data) {
    Optional<String> syntax = GoJsonScanner.check(data);
    if (syntax.isPresent()) {
      return syntax;
    }
    JsonWalker walker = new JsonWalker(data);
    walker.skipSpace();
    return switch (walker.peek()) {
      case '{' -> firstFloatOverflow(walker);
      case 'n' -> Optional.empty();
      case '[' -> typeError("array");
      case '"' -> typeError("string");
      case 't', 'f' -> typeError("bool");
      default -> typeError("number");
    };
  }

  private static Optional<String> typeError(String jsonKind) {
    return Optional.of("json: cannot unmarshal " + jsonKind + " into Go value of type " + MAP_TYPE);
  }

  /** The first number (in document order) that overflows a float64, as Go reports it. */
  private static Optional<String> firstFloatOverflow(JsonWalker walker) {
    while (!walker.atEnd()) {
      byte c = walker.peek();
      if (c == '"') {
        walker.skipString();
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        String literal = walker.readScalar();
        if (Double.isInfinite(Double.parseDouble(literal))) {
          return Optional.of(
              "json: cannot unmarshal number " + literal + " into Go value of type float64");
        }
      } else {
        walker.advance();
      }
    }
    return Optional.empty();
  }
}
