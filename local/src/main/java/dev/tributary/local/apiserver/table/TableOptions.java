package dev.tributary.local.apiserver.table;

import java.util.Objects;

/**
 * How to render a Table.
 *
 * @param includeObject what each row's {@code object} carries
 * @param noHeaders leave {@code columnDefinitions} out ({@code null}): kube-apiserver sends them
 *     with the first event of a Table watch only, and with {@code ?noHeaders=true}
 */
public record TableOptions(IncludeObject includeObject, boolean noHeaders) {

  /** What a plain {@code kubectl get} gets: headers, and metadata as row objects. */
  public static final TableOptions DEFAULT = new TableOptions(IncludeObject.METADATA, false);

  public TableOptions {
    Objects.requireNonNull(includeObject, "includeObject");
  }

  /** The same options without headers. */
  public TableOptions withoutHeaders() {
    return new TableOptions(includeObject, true);
  }
}
