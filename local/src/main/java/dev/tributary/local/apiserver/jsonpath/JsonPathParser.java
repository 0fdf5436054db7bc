package dev.tributary.local.apiserver.jsonpath;

import dev.tributary.local.apiserver.jsonpath.PathNode.BoolLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Field;
import dev.tributary.local.apiserver.jsonpath.PathNode.Filter;
import dev.tributary.local.apiserver.jsonpath.PathNode.FloatLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Identifier;
import dev.tributary.local.apiserver.jsonpath.PathNode.IntLiteral;
import dev.tributary.local.apiserver.jsonpath.PathNode.Recursive;
import dev.tributary.local.apiserver.jsonpath.PathNode.Sequence;
import dev.tributary.local.apiserver.jsonpath.PathNode.Slice;
import dev.tributary.local.apiserver.jsonpath.PathNode.Text;
import dev.tributary.local.apiserver.jsonpath.PathNode.Union;
import dev.tributary.local.apiserver.jsonpath.PathNode.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a JSONPath template the way client-go's {@code jsonpath.Parse} does, quirks included, so
 * that a printer column behaves as it would on a real API server:
 *
 * <ul>
 *   <li>{@code ['a.b']} is the same as {@code .a.b} (the quoted key is re-read as a field path); a
 *       key with dots is written {@code .a\.b}. Only single quotes name keys in brackets.
 *   <li>{@code [*]} is a full slice (arrays only), {@code .*} a wildcard (arrays and objects).
 *   <li>A filter's text is split at its first run of {@code !<>=} characters.
 * </ul>
 *
 * <p>One instance parses one template; not thread-safe.
 */
final class JsonPathParser {

  private static final int EOF = -1;
  private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'$");
  private static final Pattern SLICE = Pattern.compile("^(-?\\d*)(:-?\\d*)?(:-?\\d*)?$");
  private static final Pattern COMPARISON = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)$");

  private final String input;
  private int pos;
  private int start;
  private int width;

  private JsonPathParser(String input) {
    this.input = input;
  }

  /** Parses a whole template: text with {@code {...}} actions. */
  static Sequence parse(String template) throws JsonPathException {
    return new JsonPathParser(template).parseTemplate();
  }

  /** Parses {@code text} as the inside of one action, as client-go's {@code parseAction} does. */
  private static Sequence parseAction(String text) throws JsonPathException {
    Sequence root = parse("{" + text + "}");
    if (root.nodes().isEmpty() || !(root.nodes().get(0) instanceof Sequence action)) {
      throw new JsonPathException("invalid action " + text);
    }
    return action;
  }

  private Sequence parseTemplate() throws JsonPathException {
    List<PathNode> root = new ArrayList<>();
    while (true) {
      if (input.startsWith("{", pos)) {
        if (pos > start) {
          root.add(new Text(consume()));
        }
        pos++;
        consume();
        List<PathNode> action = new ArrayList<>();
        root.add(new Sequence(action));
        parseInsideAction(action);
        continue;
      }
      if (next() == EOF) {
        break;
      }
    }
    if (pos > start) {
      root.add(new Text(consume()));
    }
    return new Sequence(root);
  }

  /** Parses until the action's closing brace, which it consumes. */
  private void parseInsideAction(List<PathNode> cur) throws JsonPathException {
    while (true) {
      if (input.startsWith("}", pos)) {
        pos++;
        consume();
        return;
      }
      if (input.startsWith("[?(", pos)) {
        parseFilter(cur);
        continue;
      }
      if (input.startsWith("..", pos)) {
        parseRecursive(cur);
        continue;
      }
      int r = next();
      if (r == EOF || isEndOfLine(r)) {
        throw new JsonPathException("unclosed action");
      } else if (r == ' ' || r == '@' || r == '$') {
        consume(); // spaces and the current-object markers carry no meaning here
      } else if (r == '[') {
        parseBracket(cur);
      } else if (r == '"' || r == '\'') {
        parseQuote(cur, r);
      } else if (r == '.') {
        parseField(cur);
      } else if (r == '+' || r == '-' || isDigit(r)) {
        backup();
        parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        backup();
        parseIdentifier(cur);
      } else {
        throw new JsonPathException(
            "unrecognized character in action: "
                + String.format("U+%04X '%s'", r, new String(Character.toChars(r))));
      }
    }
  }

  private void parseIdentifier(List<PathNode> cur) {
    while (true) {
      int r = next();
      if (isTerminator(r)) {
        backup();
        break;
      }
    }
    String value = consume();
    if (value.equals("true") || value.equals("false")) {
      cur.add(new BoolLiteral(Boolean.parseBoolean(value)));
    } else {
      cur.add(new Identifier(value));
    }
  }

  private void parseRecursive(List<PathNode> cur) throws JsonPathException {
    if (!cur.isEmpty() && cur.get(cur.size() - 1) instanceof Recursive) {
      throw new JsonPathException("invalid multiple recursive descent");
    }
    pos += 2;
    consume();
    cur.add(new Recursive());
    if (isAlphaNumeric(peek())) {
      parseField(cur);
    }
  }

  private void parseNumber(List<PathNode> cur) throws JsonPathException {
    int r = peek();
    if (r == '+' || r == '-') {
      next();
    }
    while (true) {
      r = next();
      if (r != '.' && !isDigit(r)) {
        backup();
        break;
      }
    }
    String value = consume();
    try {
      cur.add(new IntLiteral(Long.parseLong(value)));
      return;
    } catch (NumberFormatException notAnInteger) {
      // fall through to a float, as client-go does
    }
    try {
      cur.add(new FloatLiteral(Double.parseDouble(value)));
    } catch (NumberFormatException e) {
      throw new JsonPathException("cannot parse number " + value);
    }
  }

  /** After {@code [}: a union, a quoted key, or a slice. */
  private void parseBracket(List<PathNode> cur) throws JsonPathException {
    while (true) {
      int r = next();
      if (r == EOF || r == '\n') {
        throw new JsonPathException("unterminated array");
      }
      if (r == ']') {
        break;
      }
    }
    String text = consume();
    text = text.substring(1, text.length() - 1);
    if (text.equals("*")) {
      text = ":";
    }

    String[] parts = text.split(",", -1);
    if (parts.length > 1) {
      List<Sequence> branches = new ArrayList<>();
      for (String part : parts) {
        branches.add(parseAction("[" + trimSpaces(part) + "]"));
      }
      cur.add(new Union(branches));
      return;
    }

    Matcher key = DICT_KEY.matcher(text);
    if (key.matches()) {
      cur.addAll(parseAction("." + key.group(1)).nodes());
      return;
    }

    Matcher slice = SLICE.matcher(text);
    if (!slice.matches()) {
      throw new JsonPathException("invalid array index " + text);
    }
    String startText = slice.group(1);
    String endText = slice.group(2) == null ? "" : slice.group(2).substring(1);
    String stepText = slice.group(3) == null ? "" : slice.group(3).substring(1);
    Integer startIndex = startText.isEmpty() ? null : index(startText);
    Integer endIndex;
    boolean endDerived = false;
    if (slice.group(2) == null) {
      // a single index [n] selects n..n+1
      endIndex = (startIndex == null ? 0 : startIndex) + 1;
      endDerived = true;
    } else {
      endIndex = endText.isEmpty() ? null : index(endText);
    }
    Integer step = stepText.isEmpty() ? null : index(stepText);
    cur.add(new Slice(startIndex, endIndex, endDerived, step));
  }

  /** Trims ASCII spaces only, as client-go does for union branches. */
  private static String trimSpaces(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return text.substring(from, to);
  }

  private static int index(String text) throws JsonPathException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new JsonPathException("array index " + text + " is not a number");
    }
  }

  private void parseFilter(List<PathNode> cur) throws JsonPathException {
    pos += 3;
    consume();
    boolean begin = false;
    boolean end = false;
    int pair = 0;
    while (true) {
      int r = next();
      if (r == EOF || r == '\n') {
        throw new JsonPathException("unterminated filter");
      }
      if (r == '"' || r == '\'') {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (input.charAt(pos - 2) != '\\' && r == pair) {
          end = true;
        }
      } else if (r == ')' && begin == end) {
        break;
      }
    }
    if (next() != ']') {
      throw new JsonPathException("unclosed array expect ]");
    }
    String text = consume();
    text = text.substring(0, text.length() - 2);
    Matcher comparison = COMPARISON.matcher(text);
    if (!comparison.matches()) {
      cur.add(new Filter(parseAction(text), new Sequence(List.of()), "exists"));
    } else {
      cur.add(
          new Filter(
              parseAction(comparison.group(1)),
              parseAction(comparison.group(3)),
              comparison.group(2)));
    }
  }

  private void parseQuote(List<PathNode> cur, int quote) throws JsonPathException {
    while (true) {
      int r = next();
      if (r == EOF || r == '\n') {
        throw new JsonPathException("unterminated quoted string");
      }
      if (r == quote && input.charAt(pos - 2) != '\\') {
        break;
      }
    }
    String value = consume();
    cur.add(new Text(Unquote.unquote(value)));
  }

  private void parseField(List<PathNode> cur) {
    consume();
    while (true) {
      int r = next();
      if (r == '\\') {
        next();
      } else if (isTerminator(r)) {
        backup();
        break;
      }
    }
    String value = consume();
    if (value.equals("*")) {
      cur.add(new Wildcard());
    } else {
      cur.add(new Field(value.replace("\\", "")));
    }
  }

  private int next() {
    if (pos >= input.length()) {
      width = 0;
      return EOF;
    }
    int r = input.codePointAt(pos);
    width = Character.charCount(r);
    pos += width;
    return r;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void backup() {
    pos -= width;
  }

  private String consume() {
    String value = input.substring(start, pos);
    start = pos;
    return value;
  }

  private static boolean isTerminator(int r) {
    return switch (r) {
      case EOF, ' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}' -> true;
      default -> false;
    };
  }

  private static boolean isEndOfLine(int r) {
    return r == '\r' || r == '\n';
  }

  private static boolean isDigit(int r) {
    return r != EOF && Character.isDigit(r);
  }

  private static boolean isAlphaNumeric(int r) {
    return r == '_' || (r != EOF && (Character.isLetter(r) || Character.isDigit(r)));
  }
}
