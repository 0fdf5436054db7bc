package dev.tributary.controller;

import dev.tributary.api.k8s.LabelSelectorMatcher;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A {@link Tracker} and {@link ObjectLookup} backed by one cluster-wide generic informer per
 * referenced apiVersion and kind, started on first use. Every add, update or delete an informer
 * sees enqueues (through the callback) the dependants whose references match the object: same API
 * group and kind (versions do not matter, as in knative.dev/pkg), same namespace, and the same name
 * or labels matching the selector.
 *
 * <p>Thread-safe. Close it to stop its informers.
 */
public final class InformerTracker implements Tracker, ObjectLookup, AutoCloseable {

  private final KubernetesClient client;
  private final Consumer<ObjectKey> enqueue;
  private final Duration syncTimeout;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers =
      new HashMap<>();
  private final Map<ObjectKey, Set<Reference>> tracked = new HashMap<>();
  private boolean closed;

  /**
   * @param enqueue receives dependants to reconcile; called on informer threads
   * @param syncTimeout how long a first lookup of a kind waits for its cache
   */
  public InformerTracker(
      KubernetesClient client, Consumer<ObjectKey> enqueue, Duration syncTimeout) {
    this.client = client;
    this.enqueue = enqueue;
    this.syncTimeout = syncTimeout;
  }

  @Override
  public void track(Reference reference, ObjectKey dependant) {
    synchronized (this) {
      tracked.computeIfAbsent(dependant, k -> new HashSet<>()).add(reference);
    }
    informer(reference.apiVersion(), reference.kind());
  }

  @Override
  public synchronized void untrack(ObjectKey dependant) {
    tracked.remove(dependant);
  }

  @Override
  public Optional<GenericKubernetesResource> get(
      String apiVersion, String kind, String namespace, String name) {
    SharedIndexInformer<GenericKubernetesResource> informer = informer(apiVersion, kind);
    String key = namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    return Optional.ofNullable(informer.getIndexer().getByKey(key));
  }

  private SharedIndexInformer<GenericKubernetesResource> informer(String apiVersion, String kind) {
    String id = apiVersion + "/" + kind;
    SharedIndexInformer<GenericKubernetesResource> informer;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("tracker closed");
      }
      informer = informers.get(id);
      if (informer == null) {
        informer =
            client
                .genericKubernetesResources(apiVersion, kind)
                .inAnyNamespace()
                .runnableInformer(0);
        informer.addEventHandler(new Enqueuer());
        informers.put(id, informer);
        informer.start();
      }
    }
    try {
      informer.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted waiting for the " + id + " cache", e);
    } catch (ExecutionException | TimeoutException e) {
      synchronized (this) {
        // Forget a broken informer so the next attempt starts afresh.
        if (informers.remove(id, informer)) {
          informer.close();
        }
      }
      throw new KubernetesClientException("cannot watch " + id + ": " + e.getMessage(), e);
    }
    return informer;
  }

  private void changed(HasMetadata object) {
    String group = group(object.getApiVersion());
    List<ObjectKey> dependants;
    synchronized (this) {
      dependants =
          tracked.entrySet().stream()
              .filter(entry -> entry.getValue().stream().anyMatch(r -> refers(r, group, object)))
              .map(Map.Entry::getKey)
              .toList();
    }
    dependants.forEach(enqueue);
  }

  static boolean refers(Reference reference, String group, HasMetadata object) {
    if (!group(reference.apiVersion()).equals(group)
        || !reference.kind().equals(object.getKind())
        || !String.valueOf(reference.namespace())
            .equals(String.valueOf(object.getMetadata().getNamespace()))) {
      return false;
    }
    if (reference.name() != null && !reference.name().isEmpty()) {
      return reference.name().equals(object.getMetadata().getName());
    }
    return reference.selector() != null
        && LabelSelectorMatcher.matches(reference.selector(), object.getMetadata().getLabels());
  }

  static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private final class Enqueuer implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource object) {
      changed(object);
    }

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      changed(after);
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      changed(object);
    }
  }

  @Override
  public void close() {
    List<SharedIndexInformer<GenericKubernetesResource>> toClose;
    synchronized (this) {
      closed = true;
      toClose = List.copyOf(informers.values());
      informers.clear();
    }
    toClose.forEach(SharedIndexInformer::close);
  }
}
