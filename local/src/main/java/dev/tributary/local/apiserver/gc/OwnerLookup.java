package dev.tributary.local.apiserver.gc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.DeletionFinalizers;
import dev.tributary.local.apiserver.rest.Meta;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import java.util.Optional;

/**
 * Resolves owner references to the objects they name: the kind through the registry (any served
 * version of the owner's group and kind), the namespace from the dependent (a namespaced owner
 * lives in its dependent's namespace), the identity by uid. Thread-safe; {@link #state} blocks on
 * the store.
 */
final class OwnerLookup {

  /** Where an owner would be stored. */
  record Location(ResourceType type, ObjectKey key) {}

  private final Store store;
  private final ResourceRegistry registry;

  OwnerLookup(Store store, ResourceRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /**
   * Where the owner {@code reference} of a dependent in {@code dependentNamespace} ({@code ""} if
   * cluster-scoped) would be stored; empty if the kind is not served or a cluster-scoped dependent
   * names a namespaced kind. In memory only.
   */
  Optional<Location> locate(String dependentNamespace, OwnerReference reference) {
    Optional<ResourceType> type =
        registry.findByKind(reference.group(), reference.version(), reference.kind());
    if (type.isEmpty()) {
      type =
          registry.all().stream()
              .filter(t -> t.group().equals(reference.group()) && t.kind().equals(reference.kind()))
              .findFirst();
    }
    if (type.isEmpty() || (type.get().namespaced() && dependentNamespace.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new Location(
            type.get(), ObjectService.key(type.get(), dependentNamespace, reference.name())));
  }

  /** The state of the owner {@code reference} of a dependent in {@code dependentNamespace}. */
  OwnerState state(String dependentNamespace, OwnerReference reference) {
    Optional<Location> location = locate(dependentNamespace, reference);
    if (location.isEmpty()) {
      return OwnerState.UNRESOLVABLE;
    }
    Optional<ObjectNode> owner = store.get(location.get().key());
    if (owner.isEmpty() || !Meta.uid(owner.get()).equals(reference.uid())) {
      return OwnerState.ABSENT;
    }
    if (Meta.deleting(owner.get())
        && Meta.finalizers(owner.get()).contains(DeletionFinalizers.FOREGROUND)) {
      return OwnerState.WAITING;
    }
    return OwnerState.SOLID;
  }
}
