package dev.tributary.adapters.ping.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Competes for one coordination.k8s.io/v1 Lease (one bucket) through fabric8's {@code
 * LeaderElector}, for as long as it is open: knative.dev/pkg's {@code runUntilCancelled}, since a
 * fabric8 election, like client-go's, ends for good once leadership is lost.
 *
 * <p>{@code onStartLeading} and {@code onStopLeading} are called with the lease name on fabric8's
 * threads, alternately, starting with a start; {@link #close()} calls {@code onStopLeading} itself
 * when leading, before it releases the lease, so the caller can finish its work while it still
 * holds it. Lease times are fabric8's (the system clock), as they must agree with other replicas.
 *
 * <p>Thread-safe.
 */
public final class LeaseElector implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final LeaderElectionSettings settings;
  private final Consumer<String> onStartLeading;
  private final Consumer<String> onStopLeading;
  private final AtomicBoolean leading = new AtomicBoolean();
  private CompletableFuture<?> running; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param namespace where the Lease lives ({@code SYSTEM_NAMESPACE})
   * @param identity this replica's holder identity
   */
  public LeaseElector(
      KubernetesClient client,
      String namespace,
      String leaseName,
      String identity,
      LeaderElectionSettings settings,
      Consumer<String> onStartLeading,
      Consumer<String> onStopLeading) {
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.settings = settings;
    this.onStartLeading = onStartLeading;
    this.onStopLeading = onStopLeading;
  }

  /** Starts competing, in the background. */
  public synchronized void start() {
    if (running == null && !closed) {
      running = elect();
    }
  }

  /** The lease this elector competes for. */
  public String leaseName() {
    return leaseName;
  }

  /** Whether this replica holds the lease now. */
  public boolean isLeader() {
    return leading.get();
  }

  private CompletableFuture<?> elect() {
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> {
              if (!isClosed() && !leading.getAndSet(true)) {
                onStartLeading.accept(leaseName);
              }
            },
            () -> {
              if (leading.getAndSet(false)) {
                onStopLeading.accept(leaseName);
              }
            },
            newLeader -> {});
    CompletableFuture<?> round =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(leaseName)
                    .withLock(new LeaseLock(namespace, leaseName, identity))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(callbacks)
                    .build())
            .build()
            .start();
    round.whenComplete(
        (ignored, error) ->
            CompletableFuture.delayedExecutor(
                    settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::competeAgain));
    return round;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private synchronized void competeAgain() {
    if (!closed) {
      running = elect();
    }
  }

  /**
   * Stops competing: calls {@code onStopLeading} first when leading (on the calling thread), then
   * releases the lease so another replica takes over without waiting for it to expire.
   */
  @Override
  public void close() {
    CompletableFuture<?> toCancel;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toCancel = running;
    }
    if (leading.getAndSet(false)) {
      onStopLeading.accept(leaseName);
    }
    if (toCancel != null) {
      toCancel.cancel(true);
    }
  }
}
