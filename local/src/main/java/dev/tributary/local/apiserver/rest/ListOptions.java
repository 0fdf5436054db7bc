package dev.tributary.local.apiserver.rest;

import java.util.Objects;

/**
 * What a LIST (or WATCH) selects.
 *
 * @param labels the label selector
 * @param fields the field selector
 * @param limit the most items per page, 0 for all
 * @param continueToken the previous page's continue token, or null
 */
public record ListOptions(
    LabelSelector labels, FieldSelector fields, int limit, String continueToken) {

  public ListOptions {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(fields, "fields");
  }

  /** Everything, in one page. */
  public static ListOptions everything() {
    return new ListOptions(LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, 0, null);
  }

  /** Whether {@code object} passes both selectors. */
  public boolean matches(com.fasterxml.jackson.databind.node.ObjectNode object) {
    return fields.matches(object) && labels.matches(Meta.labels(object));
  }
}
