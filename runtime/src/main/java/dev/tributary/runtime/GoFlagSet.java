package dev.tributary.runtime;

import dev.tributary.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line flags read the way Go's {@code flag} package reads them, so a container's {@code
 * args} mean here what they mean to the upstream binary: {@code -name=value}, {@code --name=value},
 * {@code -name value} and {@code --name value}; parsing stops at the first non-flag argument or
 * after {@code --}; {@code -h}/{@code -help} ask for usage. Only string flags, which is all
 * Knative's sample programs use. Immutable and thread-safe.
 *
 * @param program the program name shown in {@code Usage of <program>:}
 * @param flags the defined flags
 */
public record GoFlagSet(String program, List<StringFlag> flags) {

  /** Exit code of a Go program whose flags could not be parsed. */
  public static final int EXIT_USAGE = 2;

  /** A string flag: its name (without dashes), default value and one-line usage text. */
  public record StringFlag(String name, String defaultValue, String usage) {}

  /** What parsing produced. */
  public sealed interface Result permits Parsed, HelpRequested, Invalid {}

  /**
   * The flags were read.
   *
   * @param values every defined flag's value (its default when not given)
   * @param remaining the arguments after the flags
   */
  public record Parsed(Map<String, String> values, List<String> remaining) implements Result {
    /** The value of flag {@code name}. */
    public String get(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("undefined flag " + name);
      }
      return value;
    }
  }

  /** {@code -h} or {@code -help} was given: Go prints the usage and exits 0. */
  public record HelpRequested() implements Result {}

  /**
   * The arguments were refused: Go prints {@code message} then the usage, and exits 2.
   *
   * @param message Go's message, e.g. {@code flag provided but not defined: -x}
   */
  public record Invalid(String message) implements Result {}

  public GoFlagSet {
    flags = List.copyOf(flags);
  }

  /** Reads {@code args}. */
  public Result parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, StringFlag> byName = new LinkedHashMap<>();
    for (StringFlag flag : flags) {
      byName.put(flag.name(), flag);
      values.put(flag.name(), flag.defaultValue());
    }
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i);
      if (arg.length() < 2 || arg.charAt(0) != '-') {
        break;
      }
      int dashes = arg.charAt(1) == '-' ? 2 : 1;
      if (dashes == 2 && arg.length() == 2) {
        i++; // "--" ends the flags and is consumed
        break;
      }
      String name = arg.substring(dashes);
      if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
        return new Invalid("bad flag syntax: " + arg);
      }
      i++;
      String value = null;
      int equals = name.indexOf('=', 1);
      if (equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (!byName.containsKey(name)) {
        if (name.equals("help") || name.equals("h")) {
          return new HelpRequested();
        }
        return new Invalid("flag provided but not defined: -" + name);
      }
      if (value == null) {
        if (i == args.size()) {
          return new Invalid("flag needs an argument: -" + name);
        }
        value = args.get(i++);
      }
      values.put(name, value);
    }
    return new Parsed(
        Collections.unmodifiableMap(values), List.copyOf(args.subList(i, args.size())));
  }

  /** Go's default usage text: {@code Usage of <program>:} then each flag, sorted by name. */
  public String usage() {
    StringBuilder b = new StringBuilder("Usage of ").append(program).append(':');
    List<StringFlag> sorted = new ArrayList<>(flags);
    sorted.sort(Comparator.comparing(StringFlag::name));
    for (StringFlag flag : sorted) {
      b.append("\n  -").append(flag.name()).append(" string\n    \t");
      b.append(flag.usage().replace("\n", "\n    \t"));
      if (!flag.defaultValue().isEmpty()) {
        b.append(" (default ").append(GoQuote.quote(flag.defaultValue())).append(')');
      }
    }
    return b.toString();
  }
}
