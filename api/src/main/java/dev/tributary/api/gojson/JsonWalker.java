package dev.tributary.api.gojson;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over JSON text already known to be one valid value ({@link GoJsonScanner#check} found no
 * error), so it skips and reads without checking. Positions are byte offsets into the UTF-8 text,
 * as Go sees it.
 *
 * <p>One instance walks one input; not thread-safe.
 */
final class JsonWalker {
  private final byte[] data;
  private int pos;

  JsonWalker(byte[] data) {
    this.data = data;
  }

  boolean atEnd() {
    return pos >= data.length;
  }

  /** The byte at the cursor. */
  byte peek() {
    return data[pos];
  }

  /** Steps over the byte at the cursor. */
  void advance() {
    pos++;
  }

  void skipSpace() {
    while (pos < data.length && isSpace(data[pos])) {
      pos++;
    }
  }

  /** Steps over the value that starts at the cursor: a string, object, array or scalar. */
  void skipValue() {
    byte c = data[pos];
    if (c == '"') {
      skipString();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      do {
        byte d = data[pos];
        if (d == '"') {
          skipString();
          continue;
        }
        if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          depth--;
        }
        pos++;
      } while (depth > 0);
    } else {
      readScalar();
    }
  }

  /** The bytes of the value that starts at the cursor, which moves past it. */
  byte[] readValue() {
    int start = pos;
    skipValue();
    return Arrays.copyOfRange(data, start, pos);
  }

  /** Steps over the string that starts at the cursor (at its opening quote). */
  void skipString() {
    pos++; // opening quote
    while (data[pos] != '"') {
      pos += data[pos] == '\\' ? 2 : 1;
    }
    pos++;
  }

  /** The number or literal ({@code true}, {@code null}, ...) that starts at the cursor. */
  String readScalar() {
    int start = pos;
    while (pos < data.length && !isDelimiter(data[pos])) {
      pos++;
    }
    return new String(data, start, pos - start, StandardCharsets.US_ASCII);
  }

  /**
   * The string that starts at the cursor, unquoted as Go's decoder does it (a lone surrogate escape
   * becomes U+FFFD), as UTF-8.
   */
  byte[] readString() {
    int start = pos;
    skipString();
    String quoted = new String(data, start + 1, pos - start - 2, StandardCharsets.UTF_8);
    StringBuilder text = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      char e = quoted.charAt(++i);
      switch (e) {
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' -> {
          char unit = hex4(quoted, i + 1);
          i += 4;
          if (Character.isHighSurrogate(unit)
              && quoted.startsWith("\\u", i + 1)
              && Character.isLowSurrogate(hex4(quoted, i + 3))) {
            text.append(unit).append(hex4(quoted, i + 3));
            i += 6;
          } else if (Character.isSurrogate(unit)) {
            text.append('\uFFFD');
          } else {
            text.append(unit);
          }
        }
        default -> text.append(e); // '"', '\\', '/'
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** JSON's insignificant whitespace. */
  static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static char hex4(String s, int from) {
    return (char) Integer.parseInt(s.substring(from, from + 4), 16);
  }

  private static boolean isDelimiter(byte c) {
    return isSpace(c) || c == ',' || c == '}' || c == ']' || c == ':';
  }
}
