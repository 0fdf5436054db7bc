package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts objects of one group/kind between the versions it is served at (in-process CRD
 * conversion; the webhook issue adds the HTTP ConversionReview path). Thread-safe and stateless.
 */
@FunctionalInterface
public interface VersionConverter {

  /**
   * {@code object} as {@code toApiVersion} (e.g. {@code sources.knative.dev/v1beta1}), with that
   * {@code apiVersion} set and its metadata unchanged. {@code object} must not be changed.
   *
   * @throws IllegalArgumentException if the object cannot be converted
   */
  ObjectNode convert(ObjectNode object, String toApiVersion);

  /** Only rewrites {@code apiVersion}: versions with the same schema. */
  static VersionConverter identity() {
    return (object, toApiVersion) -> {
      ObjectNode copy = object.deepCopy();
      copy.put("apiVersion", toApiVersion);
      return copy;
    };
  }
}
