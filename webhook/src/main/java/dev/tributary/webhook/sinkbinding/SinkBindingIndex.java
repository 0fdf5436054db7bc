package dev.tributary.webhook.sinkbinding;

import dev.tributary.api.sources.sinkbinding.SinkBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A cache of every namespace's SinkBindings (a fabric8 informer), for the admission handler to find
 * a subject's bindings without calling the API server.
 *
 * <p>Lifecycle: {@link #start} starts the informer and completes once its cache has synced (serve
 * admission only after that, or a subject could be admitted without its binding); {@link #close}
 * stops it. Thread-safe.
 */
public final class SinkBindingIndex implements SinkBindingLister, AutoCloseable {

  private final SharedIndexInformer<SinkBinding> informer;

  /** An index over {@code client}'s SinkBindings in every namespace; call {@link #start}. */
  public SinkBindingIndex(KubernetesClient client) {
    this.informer = client.resources(SinkBinding.class).inAnyNamespace().runnableInformer(0);
  }

  /** Starts watching; completes once the cache holds every SinkBinding. */
  public CompletableFuture<Void> start() {
    return informer.start().toCompletableFuture().thenApply(ignored -> null);
  }

  /** Whether the cache has synced, for a readiness probe. */
  public boolean isSynced() {
    return informer.hasSynced();
  }

  /** Every cached SinkBinding, shared with the cache: callers must not change them. */
  public List<SinkBinding> all() {
    return informer.getStore().list();
  }

  /**
   * Calls {@code listener} (on the informer's thread) after every add, update or delete of a
   * SinkBinding; it must not block long.
   */
  public void onChange(Runnable listener) {
    informer.addEventHandler(
        new ResourceEventHandler<SinkBinding>() {
          @Override
          public void onAdd(SinkBinding binding) {
            listener.run();
          }

          @Override
          public void onUpdate(SinkBinding before, SinkBinding after) {
            listener.run();
          }

          @Override
          public void onDelete(SinkBinding binding, boolean finalStateUnknown) {
            listener.run();
          }
        });
  }

  @Override
  public List<SinkBinding> inNamespace(String namespace) {
    return informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  /** Stops the informer. */
  @Override
  public void close() {
    informer.close();
  }
}
