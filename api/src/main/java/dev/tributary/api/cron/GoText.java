package dev.tributary.api.cron;

import java.util.ArrayList;
import java.util.List;

/**
 * The few pieces of Go's string handling that robfig/cron's behaviour and messages depend on:
 * {@code strings.Fields} / {@code strings.TrimSpace} (which split and trim on Go's {@code
 * unicode.IsSpace}, not Java's notion of whitespace) and {@code %v} of a {@code []string}.
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
}
