package dev.tributary.adapters.apiserver;

import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes.Operation;
import dev.tributary.runtime.KvLog;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.HttpURLConnection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lists and watches one {@link WatchTarget} and feeds its changes, in order, into the {@link
 * DeliveryQueue}.
 *
 * <p><b>Start.</b> With a usable {@link Checkpoint} (same selector, a resourceVersion), the watch
 * resumes right after the checkpoint's resourceVersion, so every change made while the adapter was
 * down is delivered. Without one, it lists (emitting nothing for objects that already exist, as
 * upstream) and watches from the list's resourceVersion.
 *
 * <p><b>410 Gone</b> (the resourceVersion to resume from is older than the server keeps): it
 * re-lists and emits the difference between the list and what it had last enqueued: {@code add} for
 * an object it does not know, {@code update} for one whose resourceVersion changed, {@code delete}
 * for one no longer listed (with the last state it saw of it, or, for an object known only from the
 * checkpoint, a stub with apiVersion, kind, name, namespace and resourceVersion). What the
 * difference cannot recover: intermediate states (several updates collapse into one, carrying the
 * latest state), an object created and deleted in the gap (nothing is emitted), and an object
 * deleted and re-created under the same name (one update, not delete + add). If the checkpoint had
 * to drop its object list (too large), the re-list only sets a new baseline and emits nothing, as
 * upstream.
 *
 * <p><b>Back-pressure.</b> When the queue refuses a change (full), the watch is closed without
 * advancing, and re-opened from the last enqueued resourceVersion once the queue has room: the API
 * server, not this process, holds the backlog. Nothing is dropped.
 *
 * <p><b>Failures.</b> A list or watch that fails (e.g. 403 forbidden, a resource that does not
 * exist) is logged with the source's key and counted; it is retried with backoff (1 s doubling to
 * 30 s), or, in fail-fast mode, reported to the {@link Listener} as fatal.
 *
 * <p>Threading: every method runs on the program's event-loop context; blocking fabric8 calls run
 * on worker threads and their results hop back. The checkpointed state ({@link #checkpoint}) moves
 * only when the queue has finished a step, so it names what was delivered.
 */
final class ResourceWatcher {

  /** What the watcher reports to the program, on the context. */
  interface Listener {
    /** The watch is open (once per opening). */
    void established(ResourceWatcher watcher);

    /** The delivered state moved: the checkpoint is to be saved. */
    void checkpointChanged();

    /** Fail-fast mode: a list or watch failed. */
    void fatal(ResourceWatcher watcher, Throwable cause);
  }

  private static final long FIRST_RETRY_MS = 1_000;
  private static final long MAX_RETRY_MS = 30_000;

  /** The last state enqueued of one object. */
  private record Known(String resourceVersion, Map<String, Object> object) {}

  private final Vertx vertx;
  private final Context context;
  private final KubernetesClient client;
  private final WatchTarget target;
  private final DeliveryQueue queue;
  private final ChangeEvents changes;
  private final KvLog log;
  private final ReceiveAdapterMetrics metrics;
  private final boolean failFast;
  private final Listener listener;

  // What has been enqueued: the baseline for diffs and the point to resume from.
  private final Map<String, Known> enqueued = new HashMap<>();
  private String enqueuedRv = "";
  private boolean objectsKnown = true;

  // What has been delivered: the checkpoint.
  private final Map<String, String> delivered = new HashMap<>();
  private String deliveredRv = "";
  private boolean deliveredObjectsKnown = true;

  private final Deque<DeliveryQueue.Step> pending = new ArrayDeque<>();
  private String resumeAfterPending;
  private Watch watch;
  private long generation;
  private boolean stopped;
  private boolean established;
  private long retryMs = FIRST_RETRY_MS;
  private long retryTimer = -1;

  ResourceWatcher(
      Vertx vertx,
      Context context,
      KubernetesClient client,
      WatchTarget target,
      DeliveryQueue queue,
      ChangeEvents changes,
      KvLog log,
      ReceiveAdapterMetrics metrics,
      boolean failFast,
      Listener listener) {
    this.vertx = vertx;
    this.context = context;
    this.client = client;
    this.target = target;
    this.queue = queue;
    this.changes = changes;
    this.log = log;
    this.metrics = metrics;
    this.failFast = failFast;
    this.listener = listener;
  }

  WatchTarget target() {
    return target;
  }

  /** True once the watch has been open at least once. */
  boolean established() {
    return established;
  }

  /**
   * Starts: resumes from {@code checkpoint} when it is usable, else lists first.
   *
   * @param checkpoint the saved checkpoint of this watch, or null
   */
  void start(Checkpoint checkpoint) {
    if (checkpoint != null
        && checkpoint.selector().equals(target.selector())
        && !checkpoint.resourceVersion().isEmpty()) {
      objectsKnown = checkpoint.objects() != null;
      deliveredObjectsKnown = objectsKnown;
      if (objectsKnown) {
        checkpoint.objects().forEach((k, rv) -> enqueued.put(k, new Known(rv, null)));
        delivered.putAll(checkpoint.objects());
      }
      enqueuedRv = checkpoint.resourceVersion();
      deliveredRv = enqueuedRv;
      log.info(
          "resuming watch from checkpoint",
          "resource",
          target.describe(),
          "resourceVersion",
          enqueuedRv);
      openWatch(enqueuedRv);
    } else {
      list(this::baseline);
    }
  }

  /** Stops watching; queued changes still get delivered. */
  void stop() {
    stopped = true;
    generation++;
    closeWatch();
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
    }
  }

  /** What has been delivered, to save. */
  Checkpoint checkpoint() {
    return new Checkpoint(
        target.selector(), deliveredRv, deliveredObjectsKnown ? new HashMap<>(delivered) : null);
  }

  // --- listing ---

  private void list(Consumer<GenericKubernetesResourceList> then) {
    long gen = generation;
    vertx
        .<GenericKubernetesResourceList>executeBlocking(
            () -> operation().list(options(null)), false)
        .onComplete(
            result -> {
              if (stopped || gen != generation) {
                return;
              }
              if (result.succeeded()) {
                then.accept(result.result());
              } else {
                failed("list", result.cause(), () -> list(then));
              }
            });
  }

  /** The first list without a checkpoint: a baseline, no events (as upstream). */
  private void baseline(GenericKubernetesResourceList list) {
    enqueued.clear();
    delivered.clear();
    for (GenericKubernetesResource item : list.getItems()) {
      Map<String, Object> object = toMap(item);
      String rv = resourceVersion(object);
      enqueued.put(key(object), new Known(rv, object));
      delivered.put(key(object), rv);
    }
    objectsKnown = true;
    deliveredObjectsKnown = true;
    enqueuedRv = list.getMetadata().getResourceVersion();
    deliveredRv = enqueuedRv;
    listener.checkpointChanged();
    openWatch(enqueuedRv);
  }

  /** After a 410: the difference between the list and what was enqueued, then watch on. */
  private void resync(GenericKubernetesResourceList list) {
    String listRv = list.getMetadata().getResourceVersion();
    Map<String, Map<String, Object>> listed = new LinkedHashMap<>();
    for (GenericKubernetesResource item : list.getItems()) {
      Map<String, Object> object = toMap(item);
      listed.put(key(object), object);
    }
    int adds = 0;
    int updates = 0;
    int deletes = 0;
    if (objectsKnown) {
      for (Map.Entry<String, Map<String, Object>> e : listed.entrySet()) {
        Known known = enqueued.get(e.getKey());
        String rv = resourceVersion(e.getValue());
        if (known == null) {
          pending.add(step(Operation.ADD, e.getKey(), e.getValue(), rv, null));
          adds++;
        } else if (!known.resourceVersion().equals(rv)) {
          pending.add(step(Operation.UPDATE, e.getKey(), e.getValue(), rv, null));
          updates++;
        }
      }
      for (Map.Entry<String, Known> e : enqueued.entrySet()) {
        if (!listed.containsKey(e.getKey())) {
          Map<String, Object> last =
              e.getValue().object() != null
                  ? e.getValue().object()
                  : stub(e.getKey(), e.getValue().resourceVersion());
          pending.add(step(Operation.DELETE, e.getKey(), last, null, null));
          deletes++;
        }
      }
    } else {
      log.warn(
          "resourceVersion expired and the checkpoint had no object list; changes made in the gap"
              + " are not emitted",
          "resource",
          target.describe());
    }
    log.info(
        "re-listed after 410 Gone",
        "resource",
        target.describe(),
        "resourceVersion",
        listRv,
        "adds",
        adds,
        "updates",
        updates,
        "deletes",
        deletes);
    enqueued.clear();
    listed.forEach((k, o) -> enqueued.put(k, new Known(resourceVersion(o), o)));
    objectsKnown = true;
    enqueuedRv = listRv;
    boolean wasKnown = deliveredObjectsKnown;
    pending.add(
        new DeliveryQueue.Step(
            null,
            () -> {
              if (!wasKnown) {
                delivered.clear();
                listed.forEach((k, o) -> delivered.put(k, resourceVersion(o)));
                deliveredObjectsKnown = true;
              }
              deliveredRv = listRv;
              listener.checkpointChanged();
            }));
    resumeAfterPending = listRv;
    pumpPending();
  }

  private void pumpPending() {
    if (stopped) {
      return;
    }
    while (!pending.isEmpty()) {
      if (!queue.offer(pending.peekFirst())) {
        metrics.pauses.increment();
        queue.whenRoom(this::pumpPending);
        return;
      }
      pending.pollFirst();
    }
    if (resumeAfterPending != null) {
      String rv = resumeAfterPending;
      resumeAfterPending = null;
      openWatch(rv);
    }
  }

  // --- watching ---

  private void openWatch(String resourceVersion) {
    long gen = ++generation;
    Watcher<GenericKubernetesResource> watcher =
        new Watcher<>() {
          @Override
          public void eventReceived(Action action, GenericKubernetesResource resource) {
            context.runOnContext(v -> onEvent(gen, action, resource));
          }

          @Override
          public void onClose(WatcherException cause) {
            context.runOnContext(v -> onClosed(gen, cause));
          }

          @Override
          public void onClose() {
            // Closed by us (pause, re-list, stop): nothing to do.
          }
        };
    vertx
        .<Watch>executeBlocking(() -> operation().watch(options(resourceVersion), watcher), false)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                if (stopped || gen != generation) {
                  closeQuietly(result.result());
                  return;
                }
                watch = result.result();
                retryMs = FIRST_RETRY_MS;
                established = true;
                listener.established(this);
              } else if (!stopped && gen == generation) {
                if (isGone(result.cause())) {
                  relist();
                } else {
                  failed("watch", result.cause(), () -> openWatch(enqueuedRv));
                }
              }
            });
  }

  private void onEvent(long gen, Watcher.Action action, GenericKubernetesResource resource) {
    if (stopped || gen != generation) {
      return; // an event of a watch closed since (paused or re-listing): it will be re-read
    }
    if (action == Watcher.Action.BOOKMARK) {
      String rv = resource.getMetadata().getResourceVersion();
      // A bookmark only moves the resume point; when the queue is full it is simply not taken.
      if (queue.offer(new DeliveryQueue.Step(null, () -> advanceDelivered(rv)))) {
        enqueuedRv = rv;
      }
      return;
    }
    Operation operation =
        switch (action) {
          case ADDED -> Operation.ADD;
          case MODIFIED -> Operation.UPDATE;
          case DELETED -> Operation.DELETE;
          default -> null;
        };
    if (operation == null) {
      return;
    }
    metrics.received.increment();
    Map<String, Object> object = toMap(resource);
    String key = key(object);
    String rv = resourceVersion(object);
    DeliveryQueue.Step step =
        step(operation, key, object, operation == Operation.DELETE ? null : rv, rv);
    if (!queue.offer(step)) {
      pause();
      return;
    }
    if (operation == Operation.DELETE) {
      enqueued.remove(key);
    } else {
      enqueued.put(key, new Known(rv, object));
    }
    enqueuedRv = rv;
  }

  /**
   * A step for one change.
   *
   * @param objectRv the object's resourceVersion to record as delivered; null removes it (delete)
   * @param resumeRv the resourceVersion to resume from once delivered; null leaves it
   */
  private DeliveryQueue.Step step(
      Operation operation,
      String key,
      Map<String, Object> object,
      String objectRv,
      String resumeRv) {
    CloudEvent event = changes.eventFor(operation, object);
    if (event == null) {
      metrics.filtered.increment();
    }
    // Writing the checkpoint changes the checkpoint ConfigMap; asking for another write for that
    // change would loop forever. Its state is saved with the next real change instead.
    boolean ownWrite = changes.isCheckpoint(object);
    return new DeliveryQueue.Step(
        event,
        () -> {
          if (objectRv == null) {
            delivered.remove(key);
          } else {
            delivered.put(key, objectRv);
          }
          if (resumeRv != null) {
            deliveredRv = resumeRv;
          }
          if (!ownWrite) {
            listener.checkpointChanged();
          }
        });
  }

  private void advanceDelivered(String rv) {
    deliveredRv = rv;
    listener.checkpointChanged();
  }

  private void pause() {
    generation++;
    closeWatch();
    metrics.pauses.increment();
    log.info(
        "delivery queue full, watch paused",
        "resource",
        target.describe(),
        "resourceVersion",
        enqueuedRv);
    queue.whenRoom(
        () -> {
          if (!stopped) {
            openWatch(enqueuedRv);
          }
        });
  }

  private void onClosed(long gen, WatcherException cause) {
    if (stopped || gen != generation) {
      return;
    }
    watch = null;
    if (cause.isHttpGone() || isGone(cause.getCause())) {
      relist();
    } else {
      failed("watch", cause, () -> openWatch(enqueuedRv));
    }
  }

  private void relist() {
    generation++;
    closeWatch();
    metrics.relists.increment();
    log.info(
        "resourceVersion too old (410 Gone), re-listing",
        "resource",
        target.describe(),
        "resourceVersion",
        enqueuedRv);
    list(this::resync);
  }

  private void failed(String what, Throwable cause, Runnable retry) {
    metrics.watchFailed(target.gvr().resource());
    int code = cause instanceof KubernetesClientException k ? k.getCode() : 0;
    log.error(
        "cannot " + what + " " + target.gvr().resource(),
        "resource",
        target.describe(),
        "code",
        code,
        "error",
        oneLine(cause));
    if (failFast) {
      listener.fatal(this, cause);
      return;
    }
    long delay = retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    retryTimer =
        vertx.setTimer(
            delay,
            id -> {
              retryTimer = -1;
              if (!stopped) {
                retry.run();
              }
            });
  }

  // --- helpers ---

  private FilterWatchListDeletable<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      operation() {
    var resources = client.genericKubernetesResources(target.context());
    return target.namespace() == null
        ? resources.inAnyNamespace()
        : resources.inNamespace(target.namespace());
  }

  private ListOptions options(String resourceVersion) {
    ListOptionsBuilder b = new ListOptionsBuilder();
    if (!target.selector().isEmpty()) {
      b.withLabelSelector(target.selector());
    }
    if (resourceVersion != null) {
      b.withResourceVersion(resourceVersion).withAllowWatchBookmarks(true);
    }
    return b.build();
  }

  private void closeWatch() {
    Watch w = watch;
    watch = null;
    if (w != null) {
      closeQuietly(w);
    }
  }

  private void closeQuietly(Watch w) {
    vertx.executeBlocking(
        () -> {
          w.close();
          return null;
        },
        false);
  }

  /**
   * The object as maps. The items of a list lack apiVersion and kind on a real API server; they get
   * the target's, as client-go's unstructured list decoding does.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(GenericKubernetesResource resource) {
    Map<String, Object> object =
        client.getKubernetesSerialization().convertValue(resource, Map.class);
    if (!(object.get("apiVersion") instanceof String v) || v.isEmpty()) {
      object.put("apiVersion", apiVersion());
    }
    if (!(object.get("kind") instanceof String k) || k.isEmpty()) {
      object.put("kind", target.kind());
    }
    return object;
  }

  private String apiVersion() {
    String group = target.gvr().group();
    return group.isEmpty() ? target.gvr().version() : group + "/" + target.gvr().version();
  }

  private Map<String, Object> stub(String key, String rv) {
    int slash = key.indexOf('/');
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", slash < 0 ? key : key.substring(slash + 1));
    if (slash >= 0) {
      metadata.put("namespace", key.substring(0, slash));
    }
    metadata.put("resourceVersion", rv);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion());
    object.put("kind", target.kind());
    object.put("metadata", metadata);
    return object;
  }

  static String key(Map<String, Object> object) {
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    Object ns = metadata.get("namespace");
    Object name = metadata.get("name");
    return ns instanceof String s && !s.isEmpty() ? s + "/" + name : String.valueOf(name);
  }

  static String resourceVersion(Map<String, Object> object) {
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    return metadata.get("resourceVersion") instanceof String s ? s : "";
  }

  private static boolean isGone(Throwable t) {
    return t instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_GONE;
  }

  private static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replace('\n', ' ');
  }
}
