package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The work-queue key of an object: its namespace (empty for cluster-scoped objects) and name.
 * {@link #toString()} is client-go's {@code namespace/name} form, the form logs use.
 */
public record ObjectKey(String namespace, String name) {

  public ObjectKey {
    namespace = namespace == null ? "" : namespace;
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an object key needs a name");
    }
  }

  /** The key of {@code object}. */
  public static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /**
   * Parses {@code namespace/name} or {@code name}, as fabric8's informer cache keys are written.
   */
  public static ObjectKey parse(String key) {
    int slash = key.indexOf('/');
    return slash < 0
        ? new ObjectKey("", key)
        : new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
