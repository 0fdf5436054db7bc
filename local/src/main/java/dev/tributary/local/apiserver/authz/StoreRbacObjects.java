package dev.tributary.local.apiserver.authz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.rbac.InMemoryRbacObjects;
import dev.tributary.local.apiserver.rbac.RbacObjects;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;
import dev.tributary.local.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RBAC objects the authorizer reads, answered from memory: a snapshot of the store's Roles,
 * ClusterRoles and their bindings, read again after any of them is written (every write goes
 * through the server, whose hooks tell this class). Thread-safe; a read after a change blocks on
 * the store once, so call it from worker threads.
 */
public final class StoreRbacObjects implements RbacObjects, KindHooks {

  static final String GROUP = "rbac.authorization.k8s.io";
  private static final List<String> RESOURCES =
      List.of("roles", "rolebindings", "clusterroles", "clusterrolebindings");

  private final Store store;
  private final AtomicLong changes = new AtomicLong(1);
  private final Object rebuildLock = new Object();
  private volatile Snapshot snapshot = new Snapshot(0, InMemoryRbacObjects.of(List.of()));

  private record Snapshot(long changes, InMemoryRbacObjects objects) {}

  public StoreRbacObjects(Store store) {
    this.store = store;
  }

  @Override
  public void afterCreate(ResourceType type, ObjectNode stored) {
    changed(type);
  }

  @Override
  public void afterUpdate(ResourceType type, ObjectNode stored, ObjectNode old) {
    changed(type);
  }

  @Override
  public void afterDelete(ResourceType type, ObjectNode last) {
    changed(type);
  }

  private void changed(ResourceType type) {
    if (type.group().equals(GROUP)) {
      changes.incrementAndGet();
    }
  }

  private InMemoryRbacObjects current() {
    Snapshot seen = snapshot;
    long wanted = changes.get();
    if (seen.changes() == wanted) {
      return seen.objects();
    }
    synchronized (rebuildLock) {
      seen = snapshot;
      wanted = changes.get(); // read before listing: a write during the listing rebuilds again
      if (seen.changes() != wanted) {
        List<ObjectNode> all = new ArrayList<>();
        for (String resource : RESOURCES) {
          all.addAll(store.list(GROUP + "/" + resource, null).items());
        }
        seen = new Snapshot(wanted, InMemoryRbacObjects.of(all));
        snapshot = seen;
      }
      return seen.objects();
    }
  }

  @Override
  public List<ObjectNode> clusterRoleBindings() {
    return current().clusterRoleBindings();
  }

  @Override
  public List<ObjectNode> roleBindings(String namespace) {
    return current().roleBindings(namespace);
  }

  @Override
  public Optional<ObjectNode> clusterRole(String name) {
    return current().clusterRole(name);
  }

  @Override
  public Optional<ObjectNode> role(String namespace, String name) {
    return current().role(namespace, name);
  }

  @Override
  public List<ObjectNode> clusterRoles() {
    return current().clusterRoles();
  }
}
