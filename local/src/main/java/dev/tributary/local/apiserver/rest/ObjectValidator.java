package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/**
 * Validates objects of some kinds on create and update, beyond the name rules every object gets
 * (e.g. RBAC's required fields). Thread-safe and stateless. A non-empty answer becomes a 422
 * Invalid.
 */
@FunctionalInterface
public interface ObjectValidator {

  /**
   * The errors of {@code object} (in {@code type}'s version), with full field paths.
   *
   * @param old the stored object for an update, null for a create
   */
  List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old);

  /** Runs each of {@code validators} and reports all their errors, in order. */
  static ObjectValidator all(ObjectValidator... validators) {
    List<ObjectValidator> each = List.of(validators);
    return (type, object, old) -> {
      List<FieldCause> causes = new java.util.ArrayList<>();
      each.forEach(validator -> causes.addAll(validator.validate(type, object, old)));
      return causes;
    };
  }

  /** Accepts everything. */
  static ObjectValidator none() {
    return (type, object, old) -> List.of();
  }
}
