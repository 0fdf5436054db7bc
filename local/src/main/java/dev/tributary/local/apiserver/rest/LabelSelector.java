package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code labelSelector} query parameter, with Kubernetes' grammar: comma-separated requirements
 * (all must hold) of the forms {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code
 * k notin (a,b)}, {@code k}, {@code !k}, {@code k>n}, {@code k<n}. Immutable.
 */
public final class LabelSelector {

  /** The selector that matches everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST,
    GREATER_THAN,
    LESS_THAN
  }

  record Requirement(String key, Operator operator, Set<String> values) {}

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /**
   * Parses {@code text}; null or blank selects everything.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 400 if it does not parse
   */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    return new LabelSelector(new Parser(text).requirements());
  }

  /** Whether it matches everything. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Whether an object with {@code labels} (a JSON object, or null for none) is selected. */
  public boolean matches(JsonNode labels) {
    for (Requirement requirement : requirements) {
      JsonNode value = labels == null ? null : labels.get(requirement.key());
      boolean has = value != null && !value.isNull();
      String text = has ? value.asText() : null;
      boolean ok =
          switch (requirement.operator()) {
            case EQUALS, IN -> has && requirement.values().contains(text);
            case NOT_EQUALS, NOT_IN -> !has || !requirement.values().contains(text);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
            case GREATER_THAN, LESS_THAN -> has && compare(requirement, text);
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean compare(Requirement requirement, String text) {
    try {
      long have = Long.parseLong(text);
      long bound = Long.parseLong(requirement.values().iterator().next());
      return requirement.operator() == Operator.GREATER_THAN ? have > bound : have < bound;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A recursive-descent parser over the selector text. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    List<Requirement> requirements() {
      List<Requirement> result = new ArrayList<>();
      while (true) {
        result.add(requirement());
        skipSpace();
        if (pos >= text.length()) {
          return result;
        }
        expect(',');
      }
    }

    private Requirement requirement() {
      skipSpace();
      if (peek() == '!') {
        pos++;
        String key = key();
        return new Requirement(key, Operator.DOES_NOT_EXIST, Set.of());
      }
      String key = key();
      skipSpace();
      if (pos >= text.length() || peek() == ',') {
        return new Requirement(key, Operator.EXISTS, Set.of());
      }
      if (text.startsWith("==", pos)) {
        pos += 2;
        return new Requirement(key, Operator.EQUALS, Set.of(value()));
      }
      if (text.startsWith("!=", pos)) {
        pos += 2;
        return new Requirement(key, Operator.NOT_EQUALS, Set.of(value()));
      }
      if (peek() == '=') {
        pos++;
        return new Requirement(key, Operator.EQUALS, Set.of(value()));
      }
      if (peek() == '>' || peek() == '<') {
        Operator operator = peek() == '>' ? Operator.GREATER_THAN : Operator.LESS_THAN;
        pos++;
        String bound = value();
        try {
          Long.parseLong(bound);
        } catch (NumberFormatException e) {
          throw fail("for 'Gt', 'Lt' operators, the value must be an integer");
        }
        return new Requirement(key, operator, Set.of(bound));
      }
      String word = word();
      if (word.equals("in")) {
        return new Requirement(key, Operator.IN, set());
      }
      if (word.equals("notin")) {
        return new Requirement(key, Operator.NOT_IN, set());
      }
      throw fail("found '" + word + "', expected: in, notin, =, ==, !=, gt, lt");
    }

    private Set<String> set() {
      skipSpace();
      expect('(');
      Set<String> values = new TreeSet<>();
      while (true) {
        skipSpace();
        values.add(valueToken());
        skipSpace();
        if (peek() == ')') {
          pos++;
          return values;
        }
        expect(',');
      }
    }

    private String key() {
      skipSpace();
      String key = word();
      if (key.isEmpty()) {
        throw fail("found '" + rest() + "', expected: identifier");
      }
      return key;
    }

    private String value() {
      skipSpace();
      return valueToken();
    }

    private String valueToken() {
      int start = pos;
      while (pos < text.length() && isValueChar(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private String word() {
      int start = pos;
      while (pos < text.length() && isValueChar(text.charAt(pos)) && text.charAt(pos) != '!') {
        pos++;
      }
      return text.substring(start, pos);
    }

    private static boolean isValueChar(char c) {
      return !Character.isWhitespace(c)
          && c != ','
          && c != '='
          && c != '('
          && c != ')'
          && c != '>'
          && c != '<'
          && c != '!';
    }

    private void expect(char c) {
      skipSpace();
      if (peek() != c) {
        throw fail("found '" + rest() + "', expected: '" + c + "'");
      }
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private String rest() {
      return text.substring(Math.min(pos, text.length()));
    }

    private RuntimeException fail(String why) {
      return ApiErrors.badRequest("unable to parse requirement: " + why);
    }
  }
}
