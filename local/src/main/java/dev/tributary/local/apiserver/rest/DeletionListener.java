package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;

/**
 * Told of every object the API server has removed from the store, with the propagation policy its
 * delete asked for. ownerReference garbage collection does not need it: it is built in ({@link
 * dev.tributary.local.apiserver.gc.GarbageCollector}). Called on the request's worker thread after
 * the removal; must not block for long and must not throw.
 */
@FunctionalInterface
public interface DeletionListener {

  /**
   * @param object the object's last state (storage version)
   * @param propagationPolicy {@code Background}, {@code Foreground} or {@code Orphan}
   */
  void deleted(ResourceType type, ObjectNode object, String propagationPolicy);

  /** Does nothing. */
  static DeletionListener none() {
    return (type, object, policy) -> {};
  }
}
