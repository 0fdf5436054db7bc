package dev.tributary.adapters.apiserver;

import dev.tributary.api.sources.apiserver.ApiVersionKind;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.owner}: keeps only objects whose <em>controller</em> owner reference ({@code
 * controller: true}) matches, as upstream's {@code controllerFilter}. The owner's apiVersion and
 * kind are each compared only when non-empty; an object without a controller owner is dropped. Pure
 * and thread-safe.
 */
public final class OwnerFilter {

  private OwnerFilter() {}

  /**
   * True when {@code object} passes.
   *
   * @param owner the configured owner; null passes everything
   * @param object the object as decoded from JSON
   */
  public static boolean passes(ApiVersionKind owner, Map<String, Object> object) {
    if (owner == null) {
      return true;
    }
    Map<?, ?> controller = controllerOf(object);
    if (controller == null) {
      return false;
    }
    return (owner.apiVersion().isEmpty() || owner.apiVersion().equals(controller.get("apiVersion")))
        && (owner.kind().isEmpty() || owner.kind().equals(controller.get("kind")));
  }

  /** The first owner reference with {@code controller: true}, as metav1.GetControllerOf. */
  private static Map<?, ?> controllerOf(Map<String, Object> object) {
    if (!(object.get("metadata") instanceof Map<?, ?> metadata)
        || !(metadata.get("ownerReferences") instanceof List<?> owners)) {
      return null;
    }
    for (Object o : owners) {
      if (o instanceof Map<?, ?> ref && Boolean.TRUE.equals(ref.get("controller"))) {
        return ref;
      }
    }
    return null;
  }
}
