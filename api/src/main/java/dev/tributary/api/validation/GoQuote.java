package dev.tributary.api.validation;

/**
 * Go's {@code strconv.Quote} (what {@code %q} prints for a string), the one implementation every
 * module uses for messages that must read as upstream's do (Kubernetes' field errors, robfig/cron's
 * and strconv's errors). Stateless.
 */
public final class GoQuote {

  private GoQuote() {}

  /** {@code text} as a double-quoted Go string literal with Go's escapes. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(c -> appendQuoted(out, c));
    return out.append('"').toString();
  }

  private static void appendQuoted(StringBuilder out, int c) {
    switch (c) {
      case '"', '\\' -> out.append('\\').appendCodePoint(c);
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0B -> out.append("\\v");
      default -> {
        if (isPrint(c)) {
          out.appendCodePoint(c);
        } else if (c < ' ' || c == 0x7F) {
          out.append("\\x").append(hex(c, 2));
        } else if (c < 0x10000) {
          out.append("\\u").append(hex(c, 4));
        } else {
          out.append("\\U").append(hex(c, 8));
        }
      }
    }
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space
   * (no other spaces, no controls, formats, surrogates or unassigned code points).
   */
  private static boolean isPrint(int c) {
    if (c < 0x80) {
      return c >= 0x20 && c < 0x7F;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  private static String hex(int value, int digits) {
    String h = Integer.toHexString(value);
    return "0".repeat(Math.max(0, digits - h.length())) + h;
  }
}
