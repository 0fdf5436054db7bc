package dev.tributary.adapters.heartbeats;

/**
 * Go's {@code encoding/json} string encoding (Go 1.22 and later, as {@code json.Marshal} writes
 * it): HTML-safe escapes for {@code <}, {@code >} and {@code &}, escaped U+2028 and U+2029, short
 * escapes for {@code \b \f \n \r \t}, and U+FFFD for what is not valid Unicode.
 */
final class GoJsonString {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJsonString() {}

  /** {@code text} as a quoted JSON string, exactly as Go's encoder writes it. */
  static String quote(String text) {
    StringBuilder b = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(b, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(b, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            b.append("\\ufffd"); // a lone surrogate is not valid Unicode
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static void unicodeEscape(StringBuilder b, char c) {
    b.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
