package dev.tributary.local.apiserver.schema;

/**
 * A schema keyword has a JSON type Kubernetes cannot decode (e.g. {@code "type": 5}); the
 * CustomResourceDefinition carrying it cannot be accepted at all.
 */
public final class InvalidSchemaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String detail;

  /**
   * @param field the path of the offending keyword, e.g. {@code
   *     openAPIV3Schema.properties[spec].type}
   * @param detail what is wrong with it
   */
  public InvalidSchemaException(String field, String detail) {
    super(field + ": " + detail);
    this.field = field;
    this.detail = detail;
  }

  /** The path of the offending keyword. */
  public String field() {
    return field;
  }

  /** What is wrong with the keyword, e.g. {@code must be a string}. */
  public String detail() {
    return detail;
  }
}
