package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;

/**
 * What a kind does beyond plain storage (Kubernetes' registry strategies and the controllers the
 * local cluster runs in-line): namespaces get a phase and a default ServiceAccount, CRDs make their
 * resources served. Each method sees every kind and ignores those it is not about. Called on
 * request worker threads; may block on the store. Objects are in their storage version.
 */
public interface KindHooks {

  /**
   * Fills in the kind's defaults on a decoded request body, as Kubernetes does while decoding: for
   * every create, update, patch and status write, before generation, comparison, validation or
   * storage look at it. Runs before {@link #prepareForCreate} and {@link #prepareForUpdate}.
   *
   * @param object the incoming object (storage version), modified in place
   * @param old the stored object on update (storage version, not to be modified), null on create
   */
  default void applyDefaults(ResourceType type, ObjectNode object, ObjectNode old) {}

  /** Adjusts a new object before it is validated and stored. */
  default void prepareForCreate(ResourceType type, ObjectNode object) {}

  /** Adjusts an updated object (main resource or status) before it is validated and stored. */
  default void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {}

  /** Runs after a create was stored. */
  default void afterCreate(ResourceType type, ObjectNode stored) {}

  /** Runs after an update was stored. */
  default void afterUpdate(ResourceType type, ObjectNode stored, ObjectNode old) {}

  /** Runs after an object was removed from the store. */
  default void afterDelete(ResourceType type, ObjectNode last) {}
}
