package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/**
 * Applies a CRD version's structural schema ({@code schema.openAPIV3Schema}) to a custom object on
 * create and update: prunes unknown fields and fills defaults in place, then validates. Thread-safe
 * and stateless.
 */
@FunctionalInterface
public interface SchemaProcessor {

  /**
   * Prunes and defaults {@code object} in place and returns its validation errors (empty if valid).
   *
   * @param type the custom resource; {@code type.customResource()} holds the CRD's version entry
   */
  List<FieldCause> process(ResourceType type, ObjectNode object);

  /** Keeps objects as they are and accepts them all. */
  static SchemaProcessor none() {
    return (type, object) -> List.of();
  }
}
