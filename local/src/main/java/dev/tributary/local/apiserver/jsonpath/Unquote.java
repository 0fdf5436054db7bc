package dev.tributary.local.apiserver.jsonpath;

/**
 * Unquotes a JSONPath string literal: Go's {@code strconv.Unquote} rules, extended (as client-go
 * does) to single-quoted strings of any length.
 */
final class Unquote {

  private Unquote() {}

  /**
   * @param quoted the literal with its surrounding quotes
   * @return the literal's value
   * @throws JsonPathException if the quotes do not match or an escape is invalid
   */
  static String unquote(String quoted) throws JsonPathException {
    int n = quoted.length();
    if (n < 2) {
      throw syntax(quoted);
    }
    char quote = quoted.charAt(0);
    if (quote != quoted.charAt(n - 1) || (quote != '"' && quote != '\'')) {
      throw syntax(quoted);
    }
    String body = quoted.substring(1, n - 1);
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == quote) {
        throw syntax(quoted);
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        throw syntax(quoted);
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case '\\' -> out.append('\\');
        case '\'', '"' -> {
          if (e != quote) {
            throw syntax(quoted);
          }
          out.append(e);
        }
        case 'x' -> {
          out.append((char) hex(body, i, 2, quoted));
          i += 2;
        }
        case 'u' -> {
          out.appendCodePoint(codePoint(hex(body, i, 4, quoted), quoted));
          i += 4;
        }
        case 'U' -> {
          out.appendCodePoint(codePoint(hex(body, i, 8, quoted), quoted));
          i += 8;
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > body.length()) {
            throw syntax(quoted);
          }
          int value = 0;
          for (int k = i - 1; k < i + 2; k++) {
            int digit = body.charAt(k) - '0';
            if (digit < 0 || digit > 7) {
              throw syntax(quoted);
            }
            value = value * 8 + digit;
          }
          if (value > 255) {
            throw syntax(quoted);
          }
          out.append((char) value);
          i += 2;
        }
        default -> throw syntax(quoted);
      }
    }
    return out.toString();
  }

  private static int hex(String body, int from, int digits, String quoted)
      throws JsonPathException {
    if (from + digits > body.length()) {
      throw syntax(quoted);
    }
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int digit = Character.digit(body.charAt(k), 16);
      if (digit < 0) {
        throw syntax(quoted);
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static int codePoint(int value, String quoted) throws JsonPathException {
    if (!Character.isValidCodePoint(value) || (value >= 0xD800 && value <= 0xDFFF)) {
      throw syntax(quoted);
    }
    return value;
  }

  private static JsonPathException syntax(String quoted) {
    return new JsonPathException("unquote string " + quoted + " error invalid syntax");
  }
}
