package dev.tributary.local.apiserver.patch;

import java.util.Objects;

/**
 * How a list field with Kubernetes' {@code patchStrategy:"merge"} merges: by the value of {@code
 * mergeKey} in each element ({@code patchMergeKey}), or, when the key is empty, as a set of
 * primitives ({@code metadata.finalizers}). Lists without one are replaced wholesale.
 */
public record ListMerge(String mergeKey) {

  /** A list of primitives merged as a set (union, order kept). */
  public static final ListMerge PRIMITIVE_SET = new ListMerge("");

  public ListMerge {
    Objects.requireNonNull(mergeKey, "mergeKey");
  }

  /** A list of objects merged by {@code key}. */
  public static ListMerge byKey(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a merge key must not be empty");
    }
    return new ListMerge(key);
  }

  /** Whether the elements are primitives rather than objects with a merge key. */
  public boolean primitives() {
    return mergeKey.isEmpty();
  }
}
