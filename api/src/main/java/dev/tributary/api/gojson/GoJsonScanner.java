package dev.tributary.api.gojson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go's {@code encoding/json} syntax check ({@code checkValid}): a byte-at-a-time state machine
 * whose error texts ("invalid character 'x' looking for beginning of value", "unexpected end of
 * JSON input", ...) are Go's, including its quirks: at end of input a space is fed in, so "tr"
 * fails with "invalid character ' ' in literal true (expecting 'u')"; nesting deeper than 10000
 * fails with "exceeded max depth".
 *
 * <p>{@link #check} is thread-safe; each call scans with its own instance.
 */
public final class GoJsonScanner {
  private static final int MAX_DEPTH = 10000;

  private enum State {
    BEGIN_VALUE,
    BEGIN_VALUE_OR_EMPTY,
    BEGIN_STRING_OR_EMPTY,
    BEGIN_STRING,
    END_VALUE,
    END_TOP,
    IN_STRING,
    IN_STRING_ESC,
    ESC_U,
    ESC_U1,
    ESC_U12,
    ESC_U123,
    NEG,
    ONE,
    ZERO,
    DOT,
    DOT0,
    E,
    E_SIGN,
    E0,
    T,
    TR,
    TRU,
    F,
    FA,
    FAL,
    FALS,
    N,
    NU,
    NUL
  }

  /** What an open object or array expects next. */
  private enum Parse {
    OBJECT_KEY,
    OBJECT_VALUE,
    ARRAY_VALUE
  }

  private State state = State.BEGIN_VALUE;
  private final List<Parse> stack = new ArrayList<>();
  private boolean endTop;
  private String error;

  private GoJsonScanner() {}

  /** The syntax error Go reports for {@code data}, or empty when it is one valid JSON value. */
  public static Optional<String> check(byte[] data) {
    GoJsonScanner scanner = new GoJsonScanner();
    for (byte c : data) {
      scanner.step(c);
      if (scanner.error != null) {
        return Optional.of(scanner.error);
      }
    }
    return Optional.ofNullable(scanner.eof());
  }

  private String eof() {
    if (endTop) {
      return null;
    }
    step((byte) ' ');
    if (endTop) {
      return null;
    }
    return error != null ? error : "unexpected end of JSON input";
  }

  private void step(byte c) {
    switch (state) {
      case BEGIN_VALUE -> beginValue(c);
      case BEGIN_VALUE_OR_EMPTY -> {
        if (!isSpace(c)) {
          if (c == ']') {
            endValue(c);
          } else {
            beginValue(c);
          }
        }
      }
      case BEGIN_STRING_OR_EMPTY -> {
        if (!isSpace(c)) {
          if (c == '}') {
            stack.set(stack.size() - 1, Parse.OBJECT_VALUE);
            endValue(c);
          } else {
            beginString(c);
          }
        }
      }
      case BEGIN_STRING -> beginString(c);
      case END_VALUE -> endValue(c);
      case END_TOP -> endTop(c);
      case IN_STRING -> {
        if (c == '"') {
          state = State.END_VALUE;
        } else if (c == '\\') {
          state = State.IN_STRING_ESC;
        } else if ((c & 0xff) < 0x20) {
          fail(c, "in string literal");
        }
      }
      case IN_STRING_ESC -> {
        switch (c) {
          case 'b', 'f', 'n', 'r', 't', '\\', '/', '"' -> state = State.IN_STRING;
          case 'u' -> state = State.ESC_U;
          default -> fail(c, "in string escape code");
        }
      }
      case ESC_U -> hexDigit(c, State.ESC_U1);
      case ESC_U1 -> hexDigit(c, State.ESC_U12);
      case ESC_U12 -> hexDigit(c, State.ESC_U123);
      case ESC_U123 -> hexDigit(c, State.IN_STRING);
      case NEG -> {
        if (c == '0') {
          state = State.ZERO;
        } else if (c >= '1' && c <= '9') {
          state = State.ONE;
        } else {
          fail(c, "in numeric literal");
        }
      }
      case ONE -> {
        if (!isDigit(c)) {
          zero(c);
        }
      }
      case ZERO -> zero(c);
      case DOT -> {
        if (isDigit(c)) {
          state = State.DOT0;
        } else {
          fail(c, "after decimal point in numeric literal");
        }
      }
      case DOT0 -> {
        if (c == 'e' || c == 'E') {
          state = State.E;
        } else if (!isDigit(c)) {
          endValue(c);
        }
      }
      case E -> {
        if (c == '+' || c == '-') {
          state = State.E_SIGN;
        } else {
          exponentSign(c);
        }
      }
      case E_SIGN -> exponentSign(c);
      case E0 -> {
        if (!isDigit(c)) {
          endValue(c);
        }
      }
      case T -> literal(c, 'r', State.TR, "true");
      case TR -> literal(c, 'u', State.TRU, "true");
      case TRU -> literal(c, 'e', State.END_VALUE, "true");
      case F -> literal(c, 'a', State.FA, "false");
      case FA -> literal(c, 'l', State.FAL, "false");
      case FAL -> literal(c, 's', State.FALS, "false");
      case FALS -> literal(c, 'e', State.END_VALUE, "false");
      case N -> literal(c, 'u', State.NU, "null");
      case NU -> literal(c, 'l', State.NUL, "null");
      case NUL -> literal(c, 'l', State.END_VALUE, "null");
    }
  }

  private void beginValue(byte c) {
    if (isSpace(c)) {
      return;
    }
    switch (c) {
      case '{' -> {
        state = State.BEGIN_STRING_OR_EMPTY;
        push(c, Parse.OBJECT_KEY);
      }
      case '[' -> {
        state = State.BEGIN_VALUE_OR_EMPTY;
        push(c, Parse.ARRAY_VALUE);
      }
      case '"' -> state = State.IN_STRING;
      case '-' -> state = State.NEG;
      case '0' -> state = State.ZERO;
      case 't' -> state = State.T;
      case 'f' -> state = State.F;
      case 'n' -> state = State.N;
      default -> {
        if (c >= '1' && c <= '9') {
          state = State.ONE;
        } else {
          fail(c, "looking for beginning of value");
        }
      }
    }
  }

  private void beginString(byte c) {
    if (isSpace(c)) {
      return;
    }
    if (c == '"') {
      state = State.IN_STRING;
    } else {
      fail(c, "looking for beginning of object key string");
    }
  }

  private void endValue(byte c) {
    if (stack.isEmpty()) {
      state = State.END_TOP;
      endTop = true;
      endTop(c);
      return;
    }
    if (isSpace(c)) {
      state = State.END_VALUE;
      return;
    }
    int top = stack.size() - 1;
    switch (stack.get(top)) {
      case OBJECT_KEY -> {
        if (c == ':') {
          stack.set(top, Parse.OBJECT_VALUE);
          state = State.BEGIN_VALUE;
        } else {
          fail(c, "after object key");
        }
      }
      case OBJECT_VALUE -> {
        if (c == ',') {
          stack.set(top, Parse.OBJECT_KEY);
          state = State.BEGIN_STRING;
        } else if (c == '}') {
          pop();
        } else {
          fail(c, "after object key:value pair");
        }
      }
      case ARRAY_VALUE -> {
        if (c == ',') {
          state = State.BEGIN_VALUE;
        } else if (c == ']') {
          pop();
        } else {
          fail(c, "after array element");
        }
      }
    }
  }

  private void endTop(byte c) {
    if (!isSpace(c)) {
      fail(c, "after top-level value");
    }
  }

  private void zero(byte c) {
    if (c == '.') {
      state = State.DOT;
    } else if (c == 'e' || c == 'E') {
      state = State.E;
    } else {
      endValue(c);
    }
  }

  private void exponentSign(byte c) {
    if (isDigit(c)) {
      state = State.E0;
    } else {
      fail(c, "in exponent of numeric literal");
    }
  }

  private void hexDigit(byte c, State next) {
    if (isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
      state = next;
    } else {
      fail(c, "in \\u hexadecimal character escape");
    }
  }

  private void literal(byte c, char expected, State next, String word) {
    if (c == expected) {
      state = next;
    } else {
      fail(c, "in literal " + word + " (expecting '" + expected + "')");
    }
  }

  private void push(byte c, Parse parse) {
    stack.add(parse);
    if (stack.size() > MAX_DEPTH) {
      fail(c, "exceeded max depth");
    }
  }

  private void pop() {
    stack.remove(stack.size() - 1);
    if (stack.isEmpty()) {
      state = State.END_TOP;
      endTop = true;
    } else {
      state = State.END_VALUE;
    }
  }

  private void fail(byte c, String context) {
    if (error == null) {
      error = "invalid character " + quoteChar(c) + " " + context;
    }
  }

  /** Go's {@code quoteChar}: the byte as a rune in single quotes, escaped as strconv.Quote does. */
  static String quoteChar(byte b) {
    int c = b & 0xff;
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String inner =
        switch (c) {
          case '\\' -> "\\\\";
          case 0x07 -> "\\a";
          case '\b' -> "\\b";
          case '\f' -> "\\f";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          case 0x0b -> "\\v";
          default -> {
            if (c < 0x20 || c == 0x7f) {
              yield String.format("\\x%02x", c);
            }
            if ((c >= 0x80 && c <= 0xa0) || c == 0xad) {
              // Not printable for Go's strconv.IsPrint (C1 controls, NBSP, soft hyphen).
              yield String.format("\\u%04x", c);
            }
            yield String.valueOf((char) c);
          }
        };
    return "'" + inner + "'";
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isSpace(byte c) {
    return JsonWalker.isSpace(c);
  }
}
