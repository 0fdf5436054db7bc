package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a write does with fields the kind does not have: the {@code fieldValidation} of its {@code
 * CreateOptions}, {@code UpdateOptions} or {@code PatchOptions}. The fields are dropped in every
 * case; the directive says whether the client hears of it.
 */
public enum FieldValidation {
  /** Dropped silently. */
  IGNORE("Ignore"),
  /** Dropped, with one {@code unknown field "path"} warning each (kube-apiserver's default). */
  WARN("Warn"),
  /** Refused: 400 naming them. kubectl 1.32 sends it unless {@code --validate=false}. */
  STRICT("Strict");

  /** The values the query parameter may take, in kube-apiserver's order; empty means Warn. */
  public static final List<String> VALUES = List.of("", "Ignore", "Strict", "Warn");

  private final String value;

  FieldValidation(String value) {
    this.value = value;
  }

  /** The query parameter's value. */
  public String value() {
    return value;
  }

  /**
   * The directive of a write's options object.
   *
   * @return null for the server's own writes (no options): they are built from typed code
   */
  static FieldValidation of(ObjectNode options) {
    if (options == null) {
      return null;
    }
    String sent = options.path("fieldValidation").asText("");
    for (FieldValidation directive : values()) {
      if (directive.value.equals(sent)) {
        return directive;
      }
    }
    return WARN;
  }
}
