package dev.tributary.adapters.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few Go {@code strconv} functions Knative's programs read their input with, with Go's
 * acceptance rules and error messages, because flags and env values must be accepted or refused
 * exactly as upstream does.
 */
public final class GoStrconv {

  private GoStrconv() {}

  /**
   * Go's {@code strconv.ParseBool}.
   *
   * @throws IllegalArgumentException {@code strconv.ParseBool: parsing "x": invalid syntax}
   */
  public static boolean parseBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default ->
          throw new IllegalArgumentException(
              "strconv.ParseBool: parsing " + GoQuote.quote(text) + ": invalid syntax");
    };
  }

  /**
   * Go's {@code strconv.Atoi} on a 64-bit platform: an optional sign and ASCII decimal digits.
   *
   * @throws IllegalArgumentException {@code strconv.Atoi: parsing "x": invalid syntax} or {@code
   *     ...: value out of range}
   */
  public static long atoi(String text) {
    int i = 0;
    if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      i = 1;
    }
    if (i == text.length()) {
      throw atoiError(text, "invalid syntax");
    }
    for (int j = i; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c < '0' || c > '9') {
        throw atoiError(text, "invalid syntax");
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw atoiError(text, "value out of range");
    }
  }

  private static IllegalArgumentException atoiError(String text, String reason) {
    return new IllegalArgumentException(
        "strconv.Atoi: parsing " + GoQuote.quote(text) + ": " + reason);
  }

  /**
   * Go's {@code strconv.Unquote} for a double-quoted Go string literal. Byte escapes ({@code \xHH},
   * octal) that do not form valid UTF-8 decode to U+FFFD, as Go's JSON encoder would later render
   * them.
   *
   * @throws IllegalArgumentException {@code invalid syntax} when {@code quoted} is not one valid
   *     double-quoted literal
   */
  public static String unquoteDoubleQuoted(String quoted) {
    int n = quoted.length();
    if (n < 2 || quoted.charAt(0) != '"' || quoted.charAt(n - 1) != '"') {
      throw syntax();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 1;
    int end = n - 1;
    while (i < end) {
      char c = quoted.charAt(i);
      if (c == '"' || c == '\n') {
        throw syntax();
      }
      if (c != '\\') {
        int cp = quoted.codePointAt(i);
        i += Character.charCount(cp);
        writeUtf8(out, cp);
        continue;
      }
      i++;
      if (i >= end) {
        throw syntax();
      }
      char e = quoted.charAt(i++);
      switch (e) {
        case 'a' -> out.write(7);
        case 'b' -> out.write('\b');
        case 'f' -> out.write('\f');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case 't' -> out.write('\t');
        case 'v' -> out.write(11);
        case '\\' -> out.write('\\');
        case '"' -> out.write('"');
        case 'x' -> {
          out.write((int) hex(quoted, i, 2, end));
          i += 2;
        }
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          long cp = hex(quoted, i, digits, end);
          i += digits;
          if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw syntax();
          }
          writeUtf8(out, (int) cp);
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > end) {
            throw syntax();
          }
          int v = e - '0';
          for (int k = 0; k < 2; k++) {
            char d = quoted.charAt(i++);
            if (d < '0' || d > '7') {
              throw syntax();
            }
            v = v * 8 + (d - '0');
          }
          if (v > 255) {
            throw syntax();
          }
          out.write(v);
        }
        default -> throw syntax();
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static long hex(String s, int from, int digits, int end) {
    if (from + digits > end) {
      throw syntax();
    }
    long v = 0;
    for (int k = 0; k < digits; k++) {
      int d = Character.digit(s.charAt(from + k), 16);
      if (d < 0 || s.charAt(from + k) > 'f') {
        throw syntax();
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static void writeUtf8(ByteArrayOutputStream out, int codePoint) {
    out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
  }

  private static IllegalArgumentException syntax() {
    return new IllegalArgumentException("invalid syntax");
  }
}
