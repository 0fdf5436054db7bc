package dev.tributary.local.apiserver.table;

import java.util.Optional;

/**
 * The {@code includeObject} query parameter of a Table request: what each row's {@code object}
 * carries. kubectl sends nothing (so {@link #METADATA}) except with {@code --sort-by}, where it
 * asks for {@link #OBJECT} to sort on any field.
 */
public enum IncludeObject {
  /** {@code object: null}. */
  NONE("None"),
  /** A {@code meta.k8s.io/v1} {@code PartialObjectMetadata} with the object's metadata. */
  METADATA("Metadata"),
  /** The whole object. */
  OBJECT("Object");

  private final String wireName;

  IncludeObject(String wireName) {
    this.wireName = wireName;
  }

  /** The query parameter value. */
  public String wireName() {
    return wireName;
  }

  /**
   * Reads the query parameter: absent or empty means {@link #METADATA}; an unknown value is empty,
   * which the server answers with 400 and {@link #unsupportedMessage}.
   */
  public static Optional<IncludeObject> parse(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of(METADATA);
    }
    for (IncludeObject candidate : values()) {
      if (candidate.wireName.equals(value)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** kube-apiserver's 400 message for an unsupported value. */
  public static String unsupportedMessage(String value) {
    return "Unable to convert to Table as requested: includeObject: Unsupported value: \""
        + value
        + "\": supported values: \"Metadata\", \"None\", \"Object\"";
  }
}
