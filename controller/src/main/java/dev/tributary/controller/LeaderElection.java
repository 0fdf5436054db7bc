package dev.tributary.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a coordination.k8s.io/v1 Lease through fabric8's {@code LeaderElector}: runs
 * {@code onStartLeading} when this replica acquires the lease and {@code onStopLeading} when it
 * loses or releases it (e.g. {@link Controller#startWorkers} / {@link Controller#stopWorkers}).
 * Closing releases the lease so another replica takes over without waiting for it to expire.
 */
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  /**
   * Where the lease lives and how it is held.
   *
   * @param identity this replica's name in the lease (e.g. the pod name)
   */
  public record Settings(
      String namespace,
      String leaseName,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    /** knative.dev/pkg's defaults: lease 15 s, renew deadline 10 s, retry every 2 s. */
    public static Settings knativeDefaults(String namespace, String leaseName, String identity) {
      return new Settings(
          namespace,
          leaseName,
          identity,
          Duration.ofSeconds(15),
          Duration.ofSeconds(10),
          Duration.ofSeconds(2));
    }
  }

  private final KubernetesClient client;
  private final Settings settings;
  private final Runnable onStartLeading;
  private final Runnable onStopLeading;
  private final AtomicBoolean leading = new AtomicBoolean();
  private CompletableFuture<?> running;
  private boolean closed;

  public LeaderElection(
      KubernetesClient client, Settings settings, Runnable onStartLeading, Runnable onStopLeading) {
    this.client = client;
    this.settings = settings;
    this.onStartLeading = onStartLeading;
    this.onStopLeading = onStopLeading;
  }

  /**
   * Starts competing for the lease, in the background. A replica that loses the lease (it could not
   * renew in time) stops leading and competes again after one retry period, until closed.
   */
  public synchronized void start() {
    if (running == null && !closed) {
      running = elect();
    }
  }

  private CompletableFuture<?> elect() {
    LeaderCallbacks callbacks =
        new LeaderCallbacks(
            () -> {
              leading.set(true);
              LOG.info(
                  "lease={} identity={} started leading",
                  settings.leaseName(),
                  settings.identity());
              onStartLeading.run();
            },
            () -> {
              if (leading.getAndSet(false)) {
                LOG.info(
                    "lease={} identity={} stopped leading",
                    settings.leaseName(),
                    settings.identity());
                onStopLeading.run();
              }
            },
            leader -> LOG.info("lease={} leader={}", settings.leaseName(), leader));
    CompletableFuture<?> round =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(settings.leaseName())
                    .withLock(
                        new LeaseLock(
                            settings.namespace(), settings.leaseName(), settings.identity()))
                    .withLeaseDuration(settings.leaseDuration())
                    .withRenewDeadline(settings.renewDeadline())
                    .withRetryPeriod(settings.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(callbacks)
                    .build())
            .build()
            .start();
    // fabric8's elector ends for good once leadership is lost; a controller must keep competing.
    round.whenComplete(
        (ignored, error) ->
            CompletableFuture.delayedExecutor(
                    settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::competeAgain));
    return round;
  }

  private synchronized void competeAgain() {
    if (!closed) {
      LOG.info("lease={} identity={} competing again", settings.leaseName(), settings.identity());
      running = elect();
    }
  }

  /** Whether this replica holds the lease now. */
  public boolean isLeader() {
    return leading.get();
  }

  /** Stops competing and releases the lease if held. */
  @Override
  public synchronized void close() {
    closed = true;
    if (running != null) {
      running.cancel(true);
    }
    if (leading.getAndSet(false)) {
      onStopLeading.run();
    }
  }
}
