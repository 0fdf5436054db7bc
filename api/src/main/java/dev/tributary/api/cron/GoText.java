package dev.tributary.api.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The few pieces of Go's string handling that robfig/cron's behaviour and messages depend on:
 * {@code strings.Fields} / {@code strings.TrimSpace} (which split and trim on Go's {@code
 * unicode.IsSpace}, not Java's notion of whitespace), {@code %v} of a {@code []string}, and {@code
 * strconv.Quote}.
 */
final class GoText {

  private GoText() {}

  /** Go's {@code unicode.IsSpace}: Latin-1 spaces (incl. NEL and NBSP) and Unicode White_Space. */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      case 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /** Go's {@code strings.Fields}: the non-empty runs between spaces. */
  static List<String> fields(String s) {
    List<String> fields = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (isSpace(c)) {
        if (start >= 0) {
          fields.add(s.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      fields.add(s.substring(start));
    }
    return fields;
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code %v} (and {@code %s}) of a {@code []string}: {@code [a b c]}. */
  static String formatList(List<String> items) {
    return "[" + String.join(" ", items) + "]";
  }

  /** Go's {@code strconv.Quote}: double-quoted, with Go escapes for what is not printable. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> appendQuoted(out, c));
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
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
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
