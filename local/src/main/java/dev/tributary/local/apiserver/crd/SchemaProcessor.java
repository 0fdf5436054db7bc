package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.schema.PruneResult;
import java.util.List;

/**
 * Applies a CRD version's structural schema ({@code schema.openAPIV3Schema}) to custom objects, in
 * kube-apiserver's order: {@link #decode} while the request body is read (prune unknown fields,
 * fill defaults), {@link #validate} once the object is complete. Thread-safe.
 */
public interface SchemaProcessor {

  /**
   * {@code object} pruned and defaulted: a new tree, or {@code object} itself when there is nothing
   * to do. {@code object} is not changed.
   *
   * @param type the custom resource; {@code type.customResource()} holds the CRD's version entry
   */
  ObjectNode decode(ResourceType type, ObjectNode object);

  /**
   * As {@link #decode}, with the paths of the unknown fields it dropped, for the request's
   * fieldValidation. By default nothing is reported.
   */
  default PruneResult decodeReporting(ResourceType type, ObjectNode object) {
    return new PruneResult(decode(type, object), List.of());
  }

  /**
   * The schema errors of {@code object}; empty when valid.
   *
   * @param status whether this is a write to the status subresource (only {@code .status} counts)
   */
  List<FieldCause> validate(ResourceType type, ObjectNode object, boolean status);

  /** Keeps objects as they are and accepts them all. */
  static SchemaProcessor none() {
    return new SchemaProcessor() {
      @Override
      public ObjectNode decode(ResourceType type, ObjectNode object) {
        return object;
      }

      @Override
      public List<FieldCause> validate(ResourceType type, ObjectNode object, boolean status) {
        return List.of();
      }
    };
  }
}
