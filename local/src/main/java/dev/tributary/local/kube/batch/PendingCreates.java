package dev.tributary.local.kube.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Objects a controller created that its informer has not shown yet, per owner uid: client-go's
 * controller expectations, so a reconcile that runs before the informer catches up does not create
 * the same children twice. An expectation older than {@link #TIMEOUT} is dropped, as Kubernetes
 * does, in case the child was deleted before it was ever seen. Thread-safe.
 */
public final class PendingCreates {

  static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, Map<String, Instant>> byOwner = new HashMap<>();

  /** Remembers that {@code name} was created for {@code ownerUid} at {@code now}. */
  public synchronized void created(String ownerUid, String name, Instant now) {
    byOwner.computeIfAbsent(ownerUid, k -> new HashMap<>()).put(name, now);
  }

  /**
   * How many of {@code ownerUid}'s created children are still unseen, forgetting those now in
   * {@code seen} and those that timed out.
   */
  public synchronized int unseen(String ownerUid, Set<String> seen, Instant now) {
    Map<String, Instant> pending = byOwner.get(ownerUid);
    if (pending == null) {
      return 0;
    }
    pending
        .entrySet()
        .removeIf(e -> seen.contains(e.getKey()) || e.getValue().plus(TIMEOUT).isBefore(now));
    if (pending.isEmpty()) {
      byOwner.remove(ownerUid);
      return 0;
    }
    return pending.size();
  }

  /** Forgets everything about {@code ownerUid}, e.g. once it is finished or gone. */
  public synchronized void forget(String ownerUid) {
    byOwner.remove(ownerUid);
  }
}
