package dev.tributary.runtime;

import dev.tributary.api.validation.GoQuote;
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
   * Go's {@code strconv.Unquote} for a double-quoted Go string literal. Go strings are bytes, and
   * byte escapes ({@code \xHH}, octal) may leave bytes that are not UTF-8: each such byte {@code b}
   * becomes the lone surrogate {@code U+DC00+b} (as Python's "surrogateescape" does), so that
   * encoders can still render it as Go would (JSON writes {@code \ufffd} for each).
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
    return decodeUtf8(out.toByteArray());
  }

  /** Decodes UTF-8 as Go's {@code utf8.DecodeRune} does, escaping each invalid byte. */
  static String decodeUtf8(byte[] bytes) {
    StringBuilder b = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b0 = bytes[i] & 0xff;
      int size = b0 < 0x80 ? 1 : sequenceLength(bytes, i);
      if (size == 0) {
        b.append((char) (0xDC00 + b0));
        i++;
        continue;
      }
      b.append(new String(bytes, i, size, StandardCharsets.UTF_8));
      i += size;
    }
    return b.toString();
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0. */
  private static int sequenceLength(byte[] s, int i) {
    int b0 = s[i] & 0xff;
    int size;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      size = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      size = 3;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      size = 4;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + size > s.length) {
      return 0;
    }
    int b1 = s[i + 1] & 0xff;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < size; k++) {
      int bk = s[i + k] & 0xff;
      if (bk < 0x80 || bk > 0xBF) {
        return 0;
      }
    }
    return size;
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
