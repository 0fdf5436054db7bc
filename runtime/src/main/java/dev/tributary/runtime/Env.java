package dev.tributary.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A program's environment variables: the one way programs read configuration. Built from a lookup
 * function so the same program runs with the process environment (the CLI passes {@code
 * System::getenv}), with a pod's env in the local kubelet, or with a map in tests.
 *
 * <p>Unset and empty are different, as in Go's {@code os.LookupEnv} and envconfig: a lookup that
 * returns {@code null} means unset; {@code ""} is a value. Defaults apply only to unset variables.
 *
 * <p>Immutable and thread-safe as long as the lookup function is (both factories guarantee it for
 * what they are given: the map is copied).
 */
public final class Env {

  private final Function<String, String> lookup;

  private Env(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /**
   * An environment read through {@code lookup}, called on every read; it must return {@code null}
   * for an unset variable and must not change its answers over time.
   */
  public static Env of(Function<String, String> lookup) {
    return new Env(Objects.requireNonNull(lookup, "lookup"));
  }

  /** An environment holding a copy of {@code variables}. */
  public static Env of(Map<String, String> variables) {
    Map<String, String> copy = Collections.unmodifiableMap(new HashMap<>(variables));
    return new Env(copy::get);
  }

  /** The variable's value, or {@code null} when unset. */
  public String get(String name) {
    return lookup.apply(name);
  }

  /** The variable's value, or {@code defaultValue} when unset (an empty value is kept). */
  public String get(String name, String defaultValue) {
    String value = lookup.apply(name);
    return value == null ? defaultValue : value;
  }

  /** The variable's value when set. */
  public Optional<String> find(String name) {
    return Optional.ofNullable(lookup.apply(name));
  }

  /**
   * The variable's value.
   *
   * @throws EnvException when unset, with envconfig's message {@code required key NAME missing
   *     value}
   */
  public String require(String name) {
    String value = lookup.apply(name);
    if (value == null) {
      throw new EnvException("required key " + name + " missing value");
    }
    return value;
  }

  /**
   * The variable read as a Go {@code strconv.ParseBool} boolean ({@code 1 t T TRUE true True 0 f F
   * FALSE false False}), or {@code defaultValue} when unset.
   *
   * @throws EnvException when set to anything else (including the empty string, as envconfig does)
   */
  public boolean getBool(String name, boolean defaultValue) {
    String value = lookup.apply(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return GoStrconv.parseBool(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name, value, "bool", e);
    }
  }

  /**
   * The variable read as a Go {@code strconv.Atoi} decimal integer, or {@code defaultValue} when
   * unset.
   *
   * @throws EnvException when set to anything else or out of range
   */
  public long getInt(String name, long defaultValue) {
    String value = lookup.apply(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return GoStrconv.atoi(value);
    } catch (IllegalArgumentException e) {
      throw invalid(name, value, "int", e);
    }
  }

  private static EnvException invalid(
      String name, String value, String type, IllegalArgumentException cause) {
    // envconfig's ParseError wording, without the Go struct field name.
    return new EnvException(
        "assigning "
            + name
            + ": converting '"
            + value
            + "' to type "
            + type
            + ". details: "
            + cause.getMessage());
  }
}
