package dev.tributary.controller.children;

import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.ObjectLookup;
import dev.tributary.controller.Tracker;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Optional;

/**
 * The one create-or-update shape for an owned child (DESIGN.md convention 4): track the child so
 * the owner is re-reconciled when it changes, read it from the informer cache, create it if
 * missing, refuse it if it is not controlled by the owner, update it if the recipe says it is not
 * up to date, and record the recipe's Normal Event on the owner after a create or an update.
 *
 * <p>Writes carry the live object's resourceVersion, so an update from a stale cache fails with 409
 * Conflict and the owner is retried; a create racing the cache fails with 409 AlreadyExists the
 * same way. Thread-safe if its collaborators are (the framework's are); blocks on API calls.
 */
public final class ChildReconciler {

  private final KubernetesClient client;
  private final ObjectLookup cache;
  private final Tracker tracker;
  private final EventRecorder recorder;
  private final KubernetesSerialization serialization;

  /**
   * @param cache where children are read (an {@link dev.tributary.controller.InformerTracker})
   * @param tracker re-enqueues the owner when a child changes
   */
  public ChildReconciler(
      KubernetesClient client, ObjectLookup cache, Tracker tracker, EventRecorder recorder) {
    this.client = client;
    this.cache = cache;
    this.tracker = tracker;
    this.recorder = recorder;
    this.serialization = client.getKubernetesSerialization();
  }

  /**
   * Brings {@code owner}'s child in line with {@code recipe}.
   *
   * @return the child as it now is in the cluster
   * @throws ChildNotOwnedException when an object of that name is controlled by someone else
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when a read or write fails
   */
  public <C extends HasMetadata> C reconcile(HasMetadata owner, ChildRecipe<C> recipe) {
    C desired = recipe.desired();
    String apiVersion = desired.getApiVersion();
    String kind = desired.getKind();
    String namespace = desired.getMetadata().getNamespace();
    String name = desired.getMetadata().getName();
    tracker.track(Reference.byName(apiVersion, kind, namespace, name), ObjectKey.of(owner));
    Optional<GenericKubernetesResource> cached = cache.get(apiVersion, kind, namespace, name);
    if (cached.isEmpty()) {
      C created = client.resource(serialization.clone(desired)).create();
      recorder.normal(owner, recipe.messages().createdReason(), recipe.messages().createdMessage());
      return created;
    }
    C live = serialization.convertValue(cached.get(), recipe.type());
    if (!ControllerRefs.isControlledBy(live, owner)) {
      throw new ChildNotOwnedException(recipe.messages().notOwnedMessage());
    }
    if (recipe.upToDate().test(live, desired)) {
      return live;
    }
    C merged = recipe.merge().apply(serialization.clone(live), desired);
    C updated = client.resource(merged).update();
    recorder.normal(owner, recipe.messages().updatedReason(), recipe.messages().updatedMessage());
    return updated;
  }
}
