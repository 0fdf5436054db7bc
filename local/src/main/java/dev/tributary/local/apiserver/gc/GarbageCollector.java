package dev.tributary.local.apiserver.gc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.DeleteOptions;
import dev.tributary.local.apiserver.rest.DeletionFinalizers;
import dev.tributary.local.apiserver.rest.KindHooks;
import dev.tributary.local.apiserver.rest.Meta;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes' ownerReference garbage collector, in-process: deletes the dependents of removed
 * owners (Background), lets owners marked {@code foregroundDeletion} go once their blocking
 * dependents are gone (Foreground), and strips the ownerReferences to owners marked {@code orphan}
 * before letting them go (Orphan). A dependent with another owner still alive is kept; only its
 * references to gone owners are removed.
 *
 * <p>It hears of writes as {@link KindHooks} (install it with {@link ObjectService#addHooks}); the
 * hooks only queue work, so requests never wait for it. One worker thread does the work, through
 * {@link ObjectService} like any client, reading dependents from the store ({@link DependentScan}).
 * Failures are logged with the object's key and the work retried with backoff. {@link #start()}
 * sweeps the store once, which is how work pending at a restart resumes: dependents of owners that
 * no longer exist, owners waiting with a GC finalizer, namespaces left Terminating. Thread-safe.
 */
public final class GarbageCollector implements KindHooks, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GarbageCollector.class);

  private static final int MAX_CONFLICT_RETRIES = 16;
  private static final long FIRST_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 30_000;

  /** A unit of queued work; equal units queued at once run once. */
  private sealed interface Work {}

  /** Look over the whole store (start-up). */
  private record Sweep() implements Work {}

  /** Collect the dependents of the owners removed in {@code scope} ({@link #goneByScope}). */
  private record OwnersGone(String scope) implements Work {}

  /** Decide about one dependent (its owners may be gone or going). */
  private record Dependent(ResourceType type, ObjectKey key) implements Work {}

  /** Advance an owner marked for deletion with a GC finalizer, if it is one. */
  private record Owner(ResourceType type, ObjectKey key) implements Work {}

  /** Resume the deletion of a Terminating namespace. */
  private record Namespace(String name) implements Work {}

  private final ObjectService objects;
  private final ResourceRegistry registry;
  private final Store store;
  private final OwnerLookup owners;
  private final DependentScan scan;
  private final ScheduledExecutorService worker;
  private final Set<Work> queued = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> goneByScope = new ConcurrentHashMap<>();
  private final Map<Work, Integer> failures = new HashMap<>(); // worker thread only

  /** A collector over {@code objects}; its worker thread starts now, idle until work comes. */
  public GarbageCollector(ObjectService objects, ResourceRegistry registry) {
    this.objects = objects;
    this.registry = registry;
    this.store = objects.store();
    this.owners = new OwnerLookup(store, registry);
    this.scan = new DependentScan(store, registry);
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("garbage-collector").daemon(true).factory());
  }

  /** Queues the start-up sweep; returns at once. Call once the registry serves every CRD. */
  public void start() {
    submit(new Sweep());
  }

  /** Stops the worker, abandoning queued work (the next start-up sweep finds it again). */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("garbage collector did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- hooks: called on request threads; they only queue ----

  @Override
  public void afterCreate(ResourceType type, ObjectNode stored) {
    if (!OwnerReference.of(stored).isEmpty()) {
      submit(new Dependent(stored(type), keyOf(type, stored)));
    }
  }

  @Override
  public void afterUpdate(ResourceType type, ObjectNode stored, ObjectNode old) {
    if (Meta.deleting(stored) && hasGcFinalizer(stored)) {
      submit(new Owner(stored(type), keyOf(type, stored)));
    }
    List<OwnerReference> now = OwnerReference.of(stored);
    List<OwnerReference> before = OwnerReference.of(old);
    if (now.equals(before)) {
      return;
    }
    // An owner waiting in the foreground may have lost a blocking dependent.
    for (OwnerReference dropped : before) {
      if (!now.contains(dropped)) {
        queueOwner(Meta.namespace(stored), dropped);
      }
    }
    if (!before.containsAll(now)) {
      submit(new Dependent(stored(type), keyOf(type, stored)));
    }
  }

  @Override
  public void afterDelete(ResourceType type, ObjectNode last) {
    String scope = DependentScan.scopeOf(type, Meta.namespace(last));
    String uid = Meta.uid(last);
    if (!uid.isEmpty()) {
      goneByScope.computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet()).add(uid);
      submit(new OwnersGone(scope));
    }
    for (OwnerReference reference : OwnerReference.of(last)) {
      queueOwner(Meta.namespace(last), reference);
    }
  }

  private void queueOwner(String dependentNamespace, OwnerReference reference) {
    owners
        .locate(dependentNamespace, reference)
        .ifPresent(l -> submit(new Owner(stored(l.type()), l.key())));
  }

  // ---- the queue ----

  private void submit(Work work) {
    if (!queued.add(work)) {
      return;
    }
    try {
      worker.execute(() -> run(work));
    } catch (RejectedExecutionException e) {
      queued.remove(work);
      log.debug("garbage collector closed, work dropped work={}", work);
    }
  }

  private void run(Work work) {
    queued.remove(work); // writes from now on queue it again
    try {
      process(work);
      failures.remove(work);
    } catch (RuntimeException e) {
      if (worker.isShutdown()) {
        return; // closing: the store may be gone; the next start-up sweep resumes
      }
      int attempt = failures.merge(work, 1, Integer::sum);
      long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(attempt - 1, 16));
      log.error(
          "garbage collection failed, retrying work={} attempt={} delayMs={}",
          work,
          attempt,
          delay,
          e);
      try {
        worker.schedule(() -> submit(work), delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        log.debug("garbage collector closed, retry dropped work={}", work);
      }
    }
  }

  private void process(Work work) {
    switch (work) {
      case Sweep s -> sweep();
      case OwnersGone gone -> collectDependentsOfGone(gone.scope());
      case Dependent dependent ->
          store.get(dependent.key()).ifPresent(o -> attemptDependent(dependent.type(), o));
      case Owner owner -> store.get(owner.key()).ifPresent(o -> advanceOwner(owner.type(), o));
      case Namespace namespace -> resumeNamespace(namespace.name());
    }
  }

  // ---- the work ----

  private void collectDependentsOfGone(String scope) {
    Set<String> uids = goneByScope.remove(scope);
    if (uids == null || uids.isEmpty()) {
      return;
    }
    try {
      Map<ObjectKey, DependentScan.Found> dependents = new LinkedHashMap<>();
      for (List<DependentScan.Found> found : scan.find(scope, uids).values()) {
        found.forEach(f -> dependents.putIfAbsent(keyOf(f.type(), f.object()), f));
      }
      for (DependentScan.Found dependent : dependents.values()) {
        attemptDependent(dependent.type(), dependent.object());
      }
    } catch (RuntimeException e) {
      goneByScope.computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet()).addAll(uids);
      throw e;
    }
  }

  /** kube-controller-manager's attemptToDeleteItem for one dependent (storage version). */
  private void attemptDependent(ResourceType type, ObjectNode dependent) {
    if (Meta.deleting(dependent)) {
      if (Meta.finalizers(dependent).contains(DeletionFinalizers.FOREGROUND)) {
        advanceOwner(type, dependent);
      }
      return; // already going
    }
    List<OwnerReference> references = OwnerReference.of(dependent);
    if (references.isEmpty()) {
      return;
    }
    String namespace = Meta.namespace(dependent);
    Map<String, OwnerState> states = new HashMap<>();
    for (OwnerReference reference : references) {
      states.put(reference.uid(), owners.state(namespace, reference));
    }
    DependentDecision decision =
        DependentDecision.decide(
            references,
            states,
            Meta.finalizers(dependent),
            () ->
                !scan.find(DependentScan.scopeOf(type, namespace), Set.of(Meta.uid(dependent)))
                    .isEmpty());
    switch (decision) {
      case DependentDecision.Keep k -> {}
      case DependentDecision.RemoveReferences remove -> {
        if (removeReferences(type, dependent, remove.uids())) {
          log.info(
              "removed references to gone owners resource={} namespace={} name={} ownerUids={}",
              type.storageResource(),
              namespace,
              Meta.name(dependent),
              remove.uids());
        }
      }
      case DependentDecision.Delete delete -> deleteDependent(type, dependent, delete);
    }
  }

  private void deleteDependent(
      ResourceType type, ObjectNode dependent, DependentDecision.Delete delete) {
    String namespace = Meta.namespace(dependent);
    String name = Meta.name(dependent);
    try {
      objects.delete(
          type,
          namespace,
          name,
          new DeleteOptions(delete.propagationPolicy(), Meta.uid(dependent), null, false));
      log.info(
          "garbage collected resource={} namespace={} name={} uid={} propagationPolicy={}",
          type.storageResource(),
          namespace,
          name,
          Meta.uid(dependent),
          delete.propagationPolicy());
    } catch (ApiException e) {
      if (e.code() != 404 && e.code() != 409) {
        throw e;
      }
      // 404: gone already; 409: the uid precondition failed, a new object took the name.
    }
  }

  /**
   * An owner marked for deletion: strips its dependents' references (orphan), or deletes its
   * dependents and waits for the blocking ones (foreground); then drops that finalizer.
   */
  private void advanceOwner(ResourceType type, ObjectNode owner) {
    if (!Meta.deleting(owner)) {
      return;
    }
    String uid = Meta.uid(owner);
    String scope = DependentScan.scopeOf(type, Meta.namespace(owner));
    List<String> finalizers = Meta.finalizers(owner);
    if (finalizers.contains(DeletionFinalizers.ORPHAN)) {
      for (DependentScan.Found dependent : dependentsOf(scope, uid)) {
        if (removeReferences(dependent.type(), dependent.object(), Set.of(uid))) {
          log.info(
              "orphaned dependent resource={} namespace={} name={} ownerUid={}",
              dependent.type().storageResource(),
              Meta.namespace(dependent.object()),
              Meta.name(dependent.object()),
              uid);
        }
      }
      removeFinalizer(type, owner, DeletionFinalizers.ORPHAN);
      return;
    }
    if (!finalizers.contains(DeletionFinalizers.FOREGROUND)) {
      return;
    }
    for (DependentScan.Found dependent : dependentsOf(scope, uid)) {
      if (Meta.deleting(dependent.object())) {
        if (Meta.finalizers(dependent.object()).contains(DeletionFinalizers.FOREGROUND)) {
          submit(new Owner(dependent.type(), keyOf(dependent.type(), dependent.object())));
        }
      } else {
        attemptDependent(dependent.type(), dependent.object());
      }
    }
    List<ObjectKey> blocking = new ArrayList<>();
    for (DependentScan.Found dependent : dependentsOf(scope, uid)) {
      boolean blocks =
          OwnerReference.of(dependent.object()).stream()
              .anyMatch(r -> r.uid().equals(uid) && r.blockOwnerDeletion());
      if (blocks) {
        blocking.add(keyOf(dependent.type(), dependent.object()));
      }
    }
    if (blocking.isEmpty()) {
      removeFinalizer(type, owner, DeletionFinalizers.FOREGROUND);
    } else {
      log.debug(
          "foreground deletion waits resource={} namespace={} name={} blocking={}",
          type.storageResource(),
          Meta.namespace(owner),
          Meta.name(owner),
          blocking);
    }
  }

  private List<DependentScan.Found> dependentsOf(String scope, String uid) {
    return scan.find(scope, Set.of(uid)).getOrDefault(uid, List.of());
  }

  /** Removes the references to {@code uids}; whether anything was removed. */
  private boolean removeReferences(ResourceType type, ObjectNode dependent, Set<String> uids) {
    String namespace = Meta.namespace(dependent);
    String name = Meta.name(dependent);
    for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      Optional<ObjectNode> current = read(type, namespace, name, Meta.uid(dependent));
      if (current.isEmpty()
          || OwnerReference.of(current.get()).stream().noneMatch(r -> uids.contains(r.uid()))) {
        return false;
      }
      try {
        objects.update(type, namespace, name, OwnerReference.without(current.get(), uids), false);
        return true;
      } catch (ApiException e) {
        if (e.code() == 404) {
          return false;
        }
        if (e.code() != 409) {
          throw e;
        }
      }
    }
    throw new IllegalStateException(
        "conflicts kept removing owner references from " + type.storageResource() + " " + name);
  }

  private void removeFinalizer(ResourceType type, ObjectNode owner, String finalizer) {
    String namespace = Meta.namespace(owner);
    String name = Meta.name(owner);
    for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      Optional<ObjectNode> current = read(type, namespace, name, Meta.uid(owner));
      if (current.isEmpty() || !Meta.finalizers(current.get()).contains(finalizer)) {
        return;
      }
      ObjectNode next = current.get().deepCopy();
      List<String> kept = new ArrayList<>(Meta.finalizers(next));
      kept.remove(finalizer);
      if (kept.isEmpty()) {
        Meta.of(next).remove("finalizers");
      } else {
        ArrayNode list = Meta.of(next).putArray("finalizers");
        kept.forEach(list::add);
      }
      try {
        objects.update(type, namespace, name, next, false);
        log.info(
            "removed finalizer resource={} namespace={} name={} finalizer={}",
            type.storageResource(),
            namespace,
            name,
            finalizer);
        return;
      } catch (ApiException e) {
        if (e.code() == 404) {
          return;
        }
        if (e.code() != 409) {
          throw e;
        }
      }
    }
    throw new IllegalStateException(
        "conflicts kept removing finalizer " + finalizer + " from " + type.storageResource());
  }

  /** The object in {@code type}'s version if it is still the one with {@code uid}. */
  private Optional<ObjectNode> read(ResourceType type, String namespace, String name, String uid) {
    try {
      ObjectNode current = objects.get(type, namespace, name);
      return Meta.uid(current).equals(uid) ? Optional.of(current) : Optional.empty();
    } catch (ApiException e) {
      if (e.code() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void resumeNamespace(String name) {
    ResourceType namespaces =
        registry
            .find("", "v1", "namespaces")
            .orElseThrow(() -> new IllegalStateException("namespaces are not served"));
    try {
      objects.delete(namespaces, "", name, DeleteOptions.defaults());
      log.info("resumed deletion of namespace name={}", name);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  /**
   * Start-up: every object whose owners are not all in the store, every owner waiting with a GC
   * finalizer and every Terminating namespace gets queued.
   */
  private void sweep() {
    record Seen(ResourceType type, ObjectKey key, Set<String> ownerUids, boolean waiting) {}
    Set<String> uids = new HashSet<>();
    List<Seen> seen = new ArrayList<>();
    List<String> terminating = new ArrayList<>();
    for (ResourceType type : registry.storedResources()) {
      boolean namespaces = type.group().isEmpty() && type.plural().equals("namespaces");
      for (ObjectNode object : store.list(type.storageResource(), null).items()) {
        uids.add(Meta.uid(object));
        Set<String> ownerUids = new HashSet<>();
        OwnerReference.of(object).forEach(r -> ownerUids.add(r.uid()));
        boolean waiting = Meta.deleting(object) && hasGcFinalizer(object);
        if (namespaces && Meta.deleting(object)) {
          terminating.add(Meta.name(object));
        }
        if (waiting || !ownerUids.isEmpty()) {
          seen.add(new Seen(type, keyOf(type, object), ownerUids, waiting));
        }
      }
    }
    int queuedCount = 0;
    for (Seen object : seen) {
      if (object.waiting()) {
        submit(new Owner(object.type(), object.key()));
        queuedCount++;
      } else if (!uids.containsAll(object.ownerUids())) {
        submit(new Dependent(object.type(), object.key()));
        queuedCount++;
      }
    }
    terminating.forEach(name -> submit(new Namespace(name)));
    log.info(
        "garbage collector swept the store objects={} queued={} terminatingNamespaces={}",
        uids.size(),
        queuedCount,
        terminating.size());
  }

  // ---- helpers ----

  private static boolean hasGcFinalizer(ObjectNode object) {
    List<String> finalizers = Meta.finalizers(object);
    return finalizers.contains(DeletionFinalizers.ORPHAN)
        || finalizers.contains(DeletionFinalizers.FOREGROUND);
  }

  /** The registry's type for {@code type}'s storage, so that equal work compares equal. */
  private ResourceType stored(ResourceType type) {
    for (ResourceType candidate : registry.storedResources()) {
      if (candidate.storageResource().equals(type.storageResource())) {
        return candidate;
      }
    }
    return type;
  }

  private static ObjectKey keyOf(ResourceType type, ObjectNode object) {
    return ObjectService.key(type, Meta.namespace(object), Meta.name(object));
  }
}
