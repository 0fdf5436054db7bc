package dev.tributary.local.apiserver.schema;

/**
 * A field path printed as apimachinery's {@code field.Path} prints it: children joined by dots, map
 * keys and list indexes in brackets ({@code spec.versions[0].schema.properties[spec]}), and {@code
 * <nil>} for the empty path. Immutable.
 */
final class FieldPath {

  private static final FieldPath NIL = new FieldPath("");

  private final String text;

  private FieldPath(String text) {
    this.text = text;
  }

  /** The empty path; children of it print without a leading dot. */
  static FieldPath nil() {
    return NIL;
  }

  /** A path starting at {@code first}, or the empty path when {@code first} is null or empty. */
  static FieldPath of(String first) {
    return first == null || first.isEmpty() ? NIL : new FieldPath(first);
  }

  FieldPath child(String name) {
    return new FieldPath(text.isEmpty() ? name : text + "." + name);
  }

  FieldPath key(String key) {
    return new FieldPath(text + "[" + key + "]");
  }

  FieldPath index(int index) {
    return new FieldPath(text + "[" + index + "]");
  }

  boolean isNil() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "<nil>" : text;
  }
}
