package dev.tributary.adapters.eventdisplay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Go's {@code json.Indent}, byte for byte, because event_display prints JSON data through it. Like
 * Go's, it validates the JSON while it goes (the syntax only; strings' bytes are not checked as
 * UTF-8), drops the whitespace before and between tokens, keeps whitespace after the top-level
 * value as it is, writes empty objects and arrays as {@code {}} and {@code []}, and copies strings,
 * numbers and literals untouched, so key order and number text never change.
 */
public final class GoJsonIndent {

  /** Go's encoding/json nesting limit. */
  private static final int MAX_DEPTH = 10_000;

  private final byte[] src;
  private final byte[] newline;
  private final byte[] indent;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Byte> open = new ArrayDeque<>();
  private int pos;
  private int depth;
  private boolean needIndent;

  private GoJsonIndent(byte[] src, String prefix, String indent) {
    this.src = src;
    this.newline = ("\n" + prefix).getBytes(StandardCharsets.UTF_8);
    this.indent = indent.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Indents {@code json}: each element on its own line, starting with {@code prefix} and one {@code
   * indent} per nesting level. The first line gets no prefix.
   *
   * @return the indented bytes, or empty when {@code json} is not one valid JSON value (Go then
   *     returns an error)
   */
  public static Optional<byte[]> indent(byte[] json, String prefix, String indent) {
    if (nestsTooDeep(json)) {
      return Optional.empty(); // refused before writing an output quadratic in the depth
    }
    GoJsonIndent run = new GoJsonIndent(json, prefix, indent);
    return run.value() && run.trailer() ? Optional.of(run.out.toByteArray()) : Optional.empty();
  }

  /** Whether brackets outside strings nest deeper than Go allows, which makes Go refuse. */
  private static boolean nestsTooDeep(byte[] json) {
    int level = 0;
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte c = json[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++level > MAX_DEPTH) {
          return true;
        }
      } else if (c == '}' || c == ']') {
        level--;
      }
    }
    return false;
  }

  /** Reads the top-level value; false when the input is not valid JSON. */
  private boolean value() {
    // Iterative, so that deep nesting cannot overflow the stack.
    while (true) {
      skipSpace();
      if (pos >= src.length) {
        return false;
      }
      byte c = src[pos];
      if (c == '{' || c == '[') {
        if (open.size() >= MAX_DEPTH) {
          return false;
        }
        beginToken();
        emit(c);
        pos++;
        open.push(c);
        needIndent = true;
        skipSpace();
        if (pos < src.length && src[pos] == (c == '{' ? '}' : ']')) {
          // An empty object or array: nothing goes between the brackets.
          needIndent = false;
          emit(src[pos++]);
          open.pop();
        } else if (c == '{') {
          if (!key()) {
            return false;
          }
          continue;
        } else {
          continue;
        }
      } else {
        beginToken();
        if (!scalar()) {
          return false;
        }
      }
      // A value is complete: close containers or move on to the next element.
      while (true) {
        if (open.isEmpty()) {
          return true;
        }
        skipSpace();
        if (pos >= src.length) {
          return false;
        }
        byte inside = open.peek();
        byte d = src[pos];
        if (d == ',') {
          pos++;
          emit(d);
          newline();
          if (inside == '{' && !key()) {
            return false;
          }
          break;
        }
        if (d != (inside == '{' ? '}' : ']')) {
          return false;
        }
        pos++;
        open.pop();
        depth--;
        newline();
        emit(d);
      }
    }
  }

  /** Reads {@code "key":} inside an object, leaving the position at the value. */
  private boolean key() {
    skipSpace();
    if (pos >= src.length || src[pos] != '"') {
      return false;
    }
    beginToken();
    if (!string()) {
      return false;
    }
    skipSpace();
    if (pos >= src.length || src[pos] != ':') {
      return false;
    }
    pos++;
    emit((byte) ':');
    emit((byte) ' ');
    return true;
  }

  /** The first token after an opening bracket moves one level in, on a new line. */
  private void beginToken() {
    if (needIndent) {
      needIndent = false;
      depth++;
      newline();
    }
  }

  private boolean scalar() {
    byte c = src[pos];
    return switch (c) {
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    };
  }

  private boolean string() {
    int start = pos++;
    while (pos < src.length) {
      int c = src[pos] & 0xff;
      if (c == '"') {
        pos++;
        out.write(src, start, pos - start);
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        pos++;
        if (pos >= src.length) {
          return false;
        }
        byte e = src[pos];
        if (e == 'u') {
          for (int k = 1; k <= 4; k++) {
            if (pos + k >= src.length || Character.digit(src[pos + k], 16) < 0) {
              return false;
            }
          }
          pos += 4;
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          return false;
        }
      }
      pos++;
    }
    return false;
  }

  private boolean literal(String word) {
    for (int k = 0; k < word.length(); k++) {
      if (pos + k >= src.length || src[pos + k] != word.charAt(k)) {
        return false;
      }
    }
    out.write(src, pos, word.length());
    pos += word.length();
    return true;
  }

  private boolean number() {
    int start = pos;
    if (pos < src.length && src[pos] == '-') {
      pos++;
    }
    if (pos >= src.length || !isDigit(src[pos])) {
      return false;
    }
    if (src[pos] == '0') {
      pos++;
    } else {
      skipDigits();
    }
    if (pos < src.length && src[pos] == '.') {
      pos++;
      if (pos >= src.length || !isDigit(src[pos])) {
        return false;
      }
      skipDigits();
    }
    if (pos < src.length && (src[pos] == 'e' || src[pos] == 'E')) {
      pos++;
      if (pos < src.length && (src[pos] == '+' || src[pos] == '-')) {
        pos++;
      }
      if (pos >= src.length || !isDigit(src[pos])) {
        return false;
      }
      skipDigits();
    }
    out.write(src, start, pos - start);
    return true;
  }

  /** After the top-level value only whitespace may follow, and Go keeps it as it is. */
  private boolean trailer() {
    int start = pos;
    skipSpace();
    if (pos != src.length) {
      return false;
    }
    out.write(src, start, pos - start);
    return true;
  }

  private void skipDigits() {
    while (pos < src.length && isDigit(src[pos])) {
      pos++;
    }
  }

  private void skipSpace() {
    while (pos < src.length && isSpace(src[pos])) {
      pos++;
    }
  }

  private void newline() {
    out.writeBytes(newline);
    for (int i = 0; i < depth; i++) {
      out.writeBytes(indent);
    }
  }

  private void emit(byte b) {
    out.write(b);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
