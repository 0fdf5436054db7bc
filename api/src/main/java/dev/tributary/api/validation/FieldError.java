package dev.tributary.api.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A set of validation errors, each with the field paths it concerns: knative.dev/pkg's {@code
 * apis.FieldError}, with the same messages, path algebra and rendering, so that what a user reads
 * matches Knative byte for byte.
 *
 * <p>Immutable. Validation code collects every error with {@link #also} and prefixes paths on the
 * way out with {@link #viaField}; the edge (webhook, API server) renders it once. The empty value
 * is {@link #NONE}, never null.
 */
public final class FieldError {

  /** No errors. */
  public static final FieldError NONE = new FieldError(List.of());

  private final List<Leaf> leaves;

  /**
   * One error.
   *
   * @param message the diagnostic, e.g. {@code missing field(s)}
   * @param paths the field paths it concerns, e.g. {@code spec.sink}
   * @param details an optional longer text, "" when none
   */
  public record Leaf(String message, List<String> paths, String details) {
    public Leaf {
      Objects.requireNonNull(message, "message");
      paths = List.copyOf(paths);
      details = details == null ? "" : details;
    }
  }

  private FieldError(List<Leaf> leaves) {
    this.leaves = List.copyOf(leaves);
  }

  /** An error with a message, optional details and paths. */
  public static FieldError of(String message, String details, List<String> paths) {
    return new FieldError(List.of(new Leaf(message, paths, details)));
  }

  /** {@code ErrGeneric}: a free-form message. */
  public static FieldError generic(String message, String... paths) {
    return of(message, "", List.of(paths));
  }

  /** {@code ErrMissingField}: "missing field(s)". */
  public static FieldError missingField(String... paths) {
    return generic("missing field(s)", paths);
  }

  /** {@code ErrDisallowedFields}: "must not set the field(s)". */
  public static FieldError disallowedFields(String... paths) {
    return generic("must not set the field(s)", paths);
  }

  /** {@code ErrMissingOneOf}: "expected exactly one, got neither". */
  public static FieldError missingOneOf(String... paths) {
    return generic("expected exactly one, got neither", paths);
  }

  /** {@code ErrMultipleOneOf}: "expected exactly one, got both". */
  public static FieldError multipleOneOf(String... paths) {
    return generic("expected exactly one, got both", paths);
  }

  /** {@code ErrInvalidValue}: "invalid value: VALUE", details joined with ", ". */
  public static FieldError invalidValue(Object value, String path, String... details) {
    return of("invalid value: " + value, String.join(", ", details), List.of(path));
  }

  /** {@code ErrInvalidArrayValue}: an invalid value at {@code field[index]}. */
  public static FieldError invalidArrayValue(Object value, String field, int index) {
    return invalidValue(value, "").viaFieldIndex(field, index);
  }

  /** {@code ErrInvalidKeyName}: "invalid key name "KEY"". */
  public static FieldError invalidKeyName(String key, String path, String... details) {
    return of("invalid key name " + GoQuote.quote(key), String.join(", ", details), List.of(path));
  }

  /** {@code ErrOutOfBoundsValue}: "expected LOWER <= VALUE <= UPPER". */
  public static FieldError outOfBoundsValue(Object value, Object lower, Object upper, String path) {
    return generic("expected " + lower + " <= " + value + " <= " + upper, path);
  }

  /** This error together with {@code others}; empty arguments are ignored. */
  public FieldError also(FieldError... others) {
    List<Leaf> all = new ArrayList<>(leaves);
    for (FieldError other : others) {
      if (other != null) {
        all.addAll(other.leaves);
      }
    }
    return all.size() == leaves.size() ? this : new FieldError(all);
  }

  /** Prefixes every path with {@code prefix} (which may itself be dotted or an index). */
  public FieldError viaField(String... prefix) {
    if (isEmpty()) {
      return this;
    }
    List<Leaf> moved = new ArrayList<>(leaves.size());
    for (Leaf leaf : leaves) {
      List<String> paths = new ArrayList<>(leaf.paths().size());
      for (String path : leaf.paths()) {
        List<String> parts = new ArrayList<>(Arrays.asList(prefix));
        parts.add(path);
        paths.add(flatten(parts));
      }
      moved.add(new Leaf(leaf.message(), paths, leaf.details()));
    }
    return new FieldError(moved);
  }

  /** Prefixes every path with {@code [index]}. */
  public FieldError viaIndex(int index) {
    return viaField("[" + index + "]");
  }

  /** Prefixes every path with {@code field[index]}. */
  public FieldError viaFieldIndex(String field, int index) {
    return viaIndex(index).viaField(field);
  }

  /** Prefixes every path with {@code [key]}. */
  public FieldError viaKey(String key) {
    return viaField("[" + key + "]");
  }

  /** Prefixes every path with {@code field[key]}. */
  public FieldError viaFieldKey(String field, String key) {
    return viaKey(key).viaField(field);
  }

  /** True when there is no error. */
  public boolean isEmpty() {
    return leaves.isEmpty();
  }

  /**
   * The errors as Knative reports them: errors with the same message and details merged into one
   * whose paths are the sorted union, the list sorted by message then details.
   */
  public List<Leaf> errors() {
    Map<String, Leaf> merged = new LinkedHashMap<>();
    for (Leaf leaf : leaves) {
      merged.merge(
          leaf.message() + "\u0000" + leaf.details(),
          leaf,
          (a, b) -> {
            List<String> paths = new ArrayList<>(a.paths());
            b.paths().stream().filter(p -> !paths.contains(p)).forEach(paths::add);
            return new Leaf(a.message(), paths, a.details());
          });
    }
    return merged.values().stream()
        .map(l -> new Leaf(l.message(), l.paths().stream().sorted().toList(), l.details()))
        .sorted(Comparator.comparing(Leaf::message).thenComparing(Leaf::details))
        .toList();
  }

  /**
   * The text Knative's {@code FieldError.Error()} prints: one line per merged error, {@code
   * "MESSAGE: PATH, PATH"}, followed by a line with the details when there are any.
   */
  public String message() {
    return errors().stream()
        .map(
            e -> {
              String line = e.message() + ": " + String.join(", ", e.paths());
              return e.details().isEmpty() ? line : line + "\n" + e.details();
            })
        .collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return message();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldError other && errors().equals(other.errors());
  }

  @Override
  public int hashCode() {
    return errors().hashCode();
  }

  private static String flatten(List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      for (String p : part.split("\\.", -1)) {
        if (p.isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && p.startsWith("[") && p.endsWith("]")) {
          out.set(out.size() - 1, out.get(out.size() - 1) + p);
        } else {
          out.add(p);
        }
      }
    }
    return String.join(".", out);
  }
}
