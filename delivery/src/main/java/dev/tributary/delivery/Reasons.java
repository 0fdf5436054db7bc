package dev.tributary.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns error messages into the one-line reasons used in responses, outcomes and logs. */
final class Reasons {

  private static final int MAX_LENGTH = 300;

  private Reasons() {}

  /** {@code text} on one line (line breaks become "; "), at most 300 characters. */
  static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "unknown error";
    }
    String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
  }

  /** The message of the deepest cause of {@code error}, on one line. */
  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root instanceof JsonProcessingException json
            ? json.getOriginalMessage()
            : root.getMessage();
    return oneLine(message == null ? root.getClass().getSimpleName() : message);
  }
}
