package dev.tributary.local.apiserver.gc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds dependents by reading the store: no index to keep in step, which at the local cluster's few
 * thousand objects costs a few milliseconds per scan, and the collector batches the owners that
 * went together into one scan. Thread-safe; blocks on the store.
 */
final class DependentScan {

  /** A dependent found, with its type at the storage version. */
  record Found(ResourceType type, ObjectNode object) {}

  /** The scope of a cluster-scoped owner: every object may depend on it. */
  static final String CLUSTER = "";

  private final Store store;
  private final ResourceRegistry registry;

  DependentScan(Store store, ResourceRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** Where dependents of an object of {@code type} in {@code namespace} can live. */
  static String scopeOf(ResourceType type, String namespace) {
    return type.namespaced() ? namespace : CLUSTER;
  }

  /**
   * The objects naming any of {@code uids} as an owner, by owner uid.
   *
   * @param scope a namespace (owners in it), or {@link #CLUSTER} for cluster-scoped owners
   */
  Map<String, List<Found>> find(String scope, Set<String> uids) {
    Map<String, List<Found>> found = new HashMap<>();
    for (ResourceType type : registry.storedResources()) {
      String namespace;
      if (scope.equals(CLUSTER)) {
        namespace = type.namespaced() ? null : "";
      } else if (type.namespaced()) {
        namespace = scope;
      } else {
        continue; // a cluster-scoped object cannot depend on a namespaced owner
      }
      for (ObjectNode object : store.list(type.storageResource(), namespace).items()) {
        for (OwnerReference reference : OwnerReference.of(object)) {
          if (uids.contains(reference.uid())) {
            found
                .computeIfAbsent(reference.uid(), u -> new ArrayList<>())
                .add(new Found(type, object));
          }
        }
      }
    }
    return found;
  }
}
