package dev.tributary.delivery;

/**
 * The syntax check of Go's {@code mime.ParseMediaType}, which sdk-go applies to {@code
 * datacontenttype}: {@code token [ "/" token ] *( ";" token "=" ( token | quoted-string ) )}, a
 * trailing {@code ;} allowed.
 */
final class MediaTypes {

  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

  private MediaTypes() {}

  /** Go's error message for {@code value}, or null when it parses. */
  static String parseError(String value) {
    int semicolon = value.indexOf(';');
    String base = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    String baseError = baseError(base);
    if (baseError != null) {
      return baseError;
    }
    return semicolon < 0 ? null : parameterError(value, semicolon);
  }

  private static String baseError(String base) {
    int typeEnd = token(base, 0);
    if (typeEnd == 0) {
      return "mime: no media type";
    }
    if (typeEnd == base.length()) {
      return null;
    }
    if (base.charAt(typeEnd) != '/') {
      return "mime: expected slash after first token";
    }
    int subtypeEnd = token(base, typeEnd + 1);
    if (subtypeEnd == typeEnd + 1) {
      return "mime: expected token after slash";
    }
    return subtypeEnd == base.length() ? null : "mime: unexpected content after media subtype";
  }

  private static String parameterError(String value, int from) {
    int i = from;
    while (true) {
      i = skipSpaces(value, i);
      if (i == value.length()) {
        return null;
      }
      if (value.charAt(i) != ';') {
        return "mime: invalid media parameter";
      }
      i = skipSpaces(value, i + 1);
      if (i == value.length()) {
        return null; // a trailing semicolon is ignored
      }
      int keyEnd = token(value, i);
      if (keyEnd == i) {
        return "mime: invalid media parameter";
      }
      i = skipSpaces(value, keyEnd);
      if (i == value.length() || value.charAt(i) != '=') {
        return "mime: invalid media parameter";
      }
      i = skipSpaces(value, i + 1);
      int valueEnd =
          i < value.length() && value.charAt(i) == '"' ? quoted(value, i) : token(value, i);
      if (valueEnd <= i) {
        return "mime: invalid media parameter";
      }
      i = valueEnd;
    }
  }

  /** End of the token starting at {@code from} ({@code from} itself when there is none). */
  private static int token(String s, int from) {
    int i = from;
    while (i < s.length() && isTokenChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** End (exclusive) of the quoted string starting at {@code from}, or -1 if unterminated. */
  private static int quoted(String s, int from) {
    for (int i = from + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && TSPECIALS.indexOf(c) < 0;
  }
}
