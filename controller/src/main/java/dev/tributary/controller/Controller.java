package dev.tributary.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires an informer to a {@link WorkQueue} and worker threads running a {@link Reconciler}.
 *
 * <p>Every add, update and delete the informer sees enqueues the object's key; workers look the key
 * up in the informer's cache and reconcile a deep copy (a key no longer cached is dropped: cleanup
 * belongs in finalizers). Results drive the queue: done forgets the backoff, requeue-after comes
 * back later, a failure or exception (409 Conflict included) is retried with per-key backoff.
 *
 * <p>Lifecycle: {@link #start} runs the informer (always, so a standby replica has a warm cache);
 * {@link #startWorkers} and {@link #stopWorkers} run and stop the workers (the leader elector calls
 * them); {@link #close} stops everything and owns the informer.
 */
public final class Controller<T extends HasMetadata> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final SharedIndexInformer<T> informer;
  private final Reconciler<T> reconciler;
  private final WorkQueue<ObjectKey> queue;
  private final int workerCount;
  private final KubernetesSerialization serialization;
  private final List<Thread> workers = new ArrayList<>();

  /**
   * @param name for logs and thread names
   * @param informer a not-yet-started informer; the controller starts and stops it
   * @param workers how many keys are reconciled at once
   */
  public Controller(
      String name,
      SharedIndexInformer<T> informer,
      Reconciler<T> reconciler,
      WorkQueue<ObjectKey> queue,
      int workers,
      KubernetesSerialization serialization) {
    if (workers < 1) {
      throw new IllegalArgumentException("need at least one worker, got " + workers);
    }
    this.name = name;
    this.informer = informer;
    this.reconciler = reconciler;
    this.queue = queue;
    this.workerCount = workers;
    this.serialization = serialization;
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T object) {
            enqueue(ObjectKey.of(object));
          }

          @Override
          public void onUpdate(T before, T after) {
            enqueue(ObjectKey.of(after));
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            enqueue(ObjectKey.of(object));
          }
        });
  }

  /** Starts the informer; completes once its cache has synced. */
  public CompletableFuture<Void> start() {
    return informer.start().toCompletableFuture().thenApply(ignored -> null);
  }

  /** Queues {@code key} for reconciliation. Callable from any thread, e.g. a tracker. */
  public void enqueue(ObjectKey key) {
    queue.add(key);
  }

  /** Queues {@code key} after {@code delay}. */
  public void enqueueAfter(ObjectKey key, Duration delay) {
    queue.addAfter(key, delay);
  }

  /**
   * Starts the workers, first enqueueing every cached object, since a new leader must look at
   * everything once. Idempotent while running.
   */
  public synchronized void startWorkers() {
    if (!workers.isEmpty()) {
      return;
    }
    for (String key : informer.getIndexer().listKeys()) {
      enqueue(ObjectKey.parse(key));
    }
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::work, name + "-worker-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    LOG.info("controller={} workers started count={}", name, workerCount);
  }

  /**
   * Stops the workers: interrupts them and waits for each to finish its current key. Queued keys
   * stay queued for a later {@link #startWorkers}.
   */
  public synchronized void stopWorkers() {
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      try {
        worker.join(CLOSE_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!workers.isEmpty()) {
      LOG.info("controller={} workers stopped", name);
    }
    workers.clear();
  }

  /** Whether workers are running. */
  public synchronized boolean isRunningWorkers() {
    return !workers.isEmpty();
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      Optional<ObjectKey> next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (next.isEmpty()) {
        return;
      }
      ObjectKey key = next.get();
      try {
        process(key);
      } finally {
        queue.done(key);
      }
    }
  }

  private void process(ObjectKey key) {
    T cached = informer.getIndexer().getByKey(key.toString());
    if (cached == null) {
      queue.forget(key);
      return;
    }
    Result result;
    try {
      result = reconciler.reconcile(serialization.clone(cached));
    } catch (RuntimeException e) {
      result = Result.failed(e);
    }
    switch (result) {
      case Result.Done done -> queue.forget(key);
      case Result.Reported reported -> queue.forget(key);
      case Result.RequeueAfter requeue -> {
        queue.forget(key);
        queue.addAfter(key, requeue.delay());
      }
      case Result.Failed failed when deletedMeanwhile(key, failed.error()) -> {
        // Deleted while it was reconciled (say, a finalizer's last update raced the delete):
        // nothing is left to do, and the informer's delete is on its way.
        LOG.info("controller={} key={} deleted while reconciling", name, key);
        queue.forget(key);
      }
      case Result.Failed failed -> {
        logFailure(key, failed.error());
        queue.addRateLimited(key);
      }
    }
  }

  /** Whether {@code error} is the API's NotFound for the very object being reconciled. */
  private static boolean deletedMeanwhile(ObjectKey key, Exception error) {
    return error instanceof KubernetesClientException k
        && k.getCode() == HttpURLConnection.HTTP_NOT_FOUND
        && k.getStatus() != null
        && k.getStatus().getDetails() != null
        && key.name().equals(k.getStatus().getDetails().getName());
  }

  private void logFailure(ObjectKey key, Exception error) {
    if (error instanceof KubernetesClientException k
        && k.getCode() == HttpURLConnection.HTTP_CONFLICT) {
      LOG.info("controller={} key={} conflict, will retry: {}", name, key, k.getMessage());
    } else {
      LOG.error(
          "controller={} key={} reconcile failed retries={}", name, key, queue.retries(key), error);
    }
  }

  /** Stops the workers, then the queue and the informer. */
  @Override
  public void close() {
    queue.shutDown();
    stopWorkers();
    informer.close();
  }
}
