package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.StoreException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kubernetes' namespace strategy, namespace controller and ServiceAccount controller do,
 * in-line: a namespace gets {@code status.phase: Active} and the {@code
 * kubernetes.io/metadata.name} label; every namespace gets a {@code default} ServiceAccount;
 * deleting a namespace marks it Terminating, deletes everything in it and removes it once nothing
 * is left.
 *
 * <p>The sweep is synchronous, inside the DELETE request. Objects held by finalizers stay (marked
 * for deletion) and keep the namespace Terminating; when the last of them goes, the namespace goes
 * too. Thread-safe; blocks on the store.
 */
public final class NamespaceLifecycle implements KindHooks {

  private static final Logger log = LoggerFactory.getLogger(NamespaceLifecycle.class);

  /** The namespaces a new cluster starts with. */
  public static final List<String> INITIAL =
      List.of("default", "kube-system", "kube-public", "knative-eventing");

  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  private final ObjectService objects;
  private final ResourceRegistry registry;

  public NamespaceLifecycle(ObjectService objects, ResourceRegistry registry) {
    this.objects = objects;
    this.registry = registry;
  }

  /**
   * Creates the {@link #INITIAL} namespaces that are missing, and a {@code default} ServiceAccount
   * in every namespace that lacks one (also after a crash between the two). Blocks.
   */
  public void bootstrap() {
    ResourceType namespaces = namespaceType();
    for (String name : INITIAL) {
      if (objects.store().get(ObjectKey.cluster("namespaces", name)).isEmpty()) {
        ObjectNode namespace = Json.NODES.objectNode();
        Meta.of(namespace).put("name", name);
        try {
          objects.create(namespaces, "", namespace, false);
          log.info("created namespace name={}", name);
        } catch (ApiException e) {
          if (!e.reason().equals("AlreadyExists")) {
            throw e;
          }
        }
      }
    }
    for (ObjectNode namespace : objects.store().list("namespaces", "").items()) {
      if (!Meta.deleting(namespace)) {
        ensureDefaultServiceAccount(Meta.name(namespace));
      }
    }
  }

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (isNamespaces(type)) {
      Meta.of(object).with("labels").put(NAME_LABEL, Meta.name(object));
      object.putObject("status").put("phase", "Active");
    }
  }

  @Override
  public void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (isNamespaces(type)) {
      Meta.of(object).with("labels").put(NAME_LABEL, Meta.name(object));
    }
  }

  @Override
  public void afterCreate(ResourceType type, ObjectNode stored) {
    if (isNamespaces(type)) {
      ensureDefaultServiceAccount(Meta.name(stored));
    }
  }

  @Override
  public void afterDelete(ResourceType type, ObjectNode last) {
    String namespace = Meta.namespace(last);
    if (type.namespaced() && !namespace.isEmpty()) {
      Optional<ObjectNode> owner = objects.store().get(ObjectKey.cluster("namespaces", namespace));
      if (owner.isPresent() && Meta.deleting(owner.get())) {
        removeIfEmpty(namespace);
      }
    }
  }

  /**
   * Deletes namespace {@code stored}: marks it Terminating, deletes its contents, and removes it if
   * nothing (and no finalizer of its own) is left.
   *
   * @return its state afterwards (storage version): Terminating, or its last state
   */
  ObjectNode delete(ResourceType type, ObjectNode stored) {
    String name = Meta.name(stored);
    ObjectNode current = stored;
    if (!Meta.deleting(current)) {
      current = markTerminating(type, current);
    }
    for (ResourceType content : registry.storedResources()) {
      if (!content.namespaced()) {
        continue;
      }
      for (ObjectNode object : objects.store().list(content.storageResource(), name).items()) {
        try {
          objects.deleteStored(content, object, "Background");
        } catch (ApiException e) {
          if (e.code() != 404) {
            throw e;
          }
        }
      }
    }
    Optional<ObjectNode> last = removeIfEmpty(name);
    if (last.isPresent()) {
      return last.get();
    }
    return objects.store().get(ObjectKey.cluster("namespaces", name)).orElse(current);
  }

  private ObjectNode markTerminating(ResourceType type, ObjectNode stored) {
    ObjectNode current = stored;
    ObjectKey key = ObjectKey.cluster("namespaces", Meta.name(stored));
    while (true) {
      ObjectNode marked = current.deepCopy();
      Meta.of(marked)
          .put("deletionTimestamp", Timestamps.format(objects.clock().instant()))
          .put("deletionGracePeriodSeconds", 0);
      marked.with("status").put("phase", "Terminating");
      try {
        return objects.store().update(key, marked, Meta.revision(current));
      } catch (StoreException.Conflict e) {
        current = objects.stored(type, "", Meta.name(stored));
        if (Meta.deleting(current)) {
          return current;
        }
      }
    }
  }

  /** Removes terminating namespace {@code name} if it holds nothing; its last state if removed. */
  private Optional<ObjectNode> removeIfEmpty(String name) {
    ObjectKey key = ObjectKey.cluster("namespaces", name);
    Optional<ObjectNode> namespace = objects.store().get(key);
    if (namespace.isEmpty()
        || !Meta.deleting(namespace.get())
        || !Meta.finalizers(namespace.get()).isEmpty()) {
      return Optional.empty();
    }
    for (ResourceType content : registry.storedResources()) {
      if (content.namespaced()
          && !objects.store().list(content.storageResource(), name, 1, null).items().isEmpty()) {
        return Optional.empty();
      }
    }
    try {
      ObjectNode last = objects.store().delete(key, Meta.revision(namespace.get()));
      log.info("removed namespace name={}", name);
      return Optional.of(last);
    } catch (StoreException.NotFound | StoreException.Conflict e) {
      return Optional.empty(); // someone else finished it, or it changed: a later delete retries
    }
  }

  private void ensureDefaultServiceAccount(String namespace) {
    ResourceType serviceAccounts =
        registry
            .find("", "v1", "serviceaccounts")
            .orElseThrow(() -> new IllegalStateException("serviceaccounts are not served"));
    if (objects.store().get(new ObjectKey("serviceaccounts", namespace, "default")).isPresent()) {
      return;
    }
    ObjectNode account = Json.NODES.objectNode();
    Meta.of(account).put("name", "default").put("namespace", namespace);
    try {
      objects.create(serviceAccounts, namespace, account, false);
    } catch (ApiException e) {
      if (!e.reason().equals("AlreadyExists")) {
        log.error("could not create the default ServiceAccount namespace={}", namespace, e);
      }
    }
  }

  private ResourceType namespaceType() {
    return registry
        .find("", "v1", "namespaces")
        .orElseThrow(() -> new IllegalStateException("namespaces are not served"));
  }

  private static boolean isNamespaces(ResourceType type) {
    return type.group().isEmpty() && type.plural().equals("namespaces");
  }
}
