package dev.tributary.adapters.ping;

import dev.tributary.adapters.ping.checkpoint.ConfigMapCheckpointStore;
import dev.tributary.adapters.ping.leader.BucketSet;
import dev.tributary.adapters.ping.leader.LeaderElectionSettings;
import dev.tributary.adapters.ping.leader.LeaseElector;
import dev.tributary.adapters.schedule.TickScheduler;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.runtime.AdminServer;
import dev.tributary.runtime.EnvException;
import dev.tributary.runtime.KubeClients;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The multi-tenant PingSource adapter ({@code cmd/mtping}, Deployment {@code
 * knative-eventing/pingsource-mt-adapter}): one process that sends the events of every PingSource
 * in the cluster.
 *
 * <p><b>What it does, as upstream.</b> It watches every PingSource (an informer in all namespaces);
 * it is ready ({@code /readiness} on the probes port, 8080) once the informer has synced, and
 * serves metrics on 9090. The key space ({@code namespace/name}) is hashed into buckets ({@code
 * K_LEADER_ELECTION_CONFIG}, one by default), each with a Lease in {@code SYSTEM_NAMESPACE} named
 * as knative.dev/pkg names it ({@code
 * pingsource-mt-adapter.knative.dev.eventing.pkg.adapter.mtping.reconciler.00-of-01}); only the
 * replica leading a bucket schedules its sources, so the others are hot standbys. Ready sources are
 * scheduled from their spec and {@code status.sinkUri}/{@code sinkCACerts}, re-scheduled when they
 * change and dropped when deleted or no longer Ready (Events {@code PingSourceSynchronized}/{@code
 * PingSourceSkipped}); each tick is sent after a random 0-499 ms through the delivery module with
 * upstream's fixed retries, or the source's {@code spec.delivery} when it has one, each attempt
 * limited by {@code K_SINK_TIMEOUT}. Asked to stop after second {@code K_NO_SHUTDOWN_AFTER} of a
 * minute, it first waits past the minute boundary. {@code --disable-ha} leads every bucket without
 * an election.
 *
 * <p><b>Beyond upstream: no tick lost or doubled across a leader change.</b> Upstream relies on
 * leader election alone: a tick due while the lease changes hands is lost or sent twice, with a new
 * random id each time. Here every tick has a deterministic id ({@link PingEventIds}), and the
 * leader of a bucket keeps a <em>tick checkpoint</em> in a ConfigMap named like the bucket's Lease
 * in {@code SYSTEM_NAMESPACE} ({@link ConfigMapCheckpointStore}): per source, the latest tick
 * claimed and the claimed ticks whose send has not ended. A tick is sent only after a
 * compare-and-swap write has claimed it, and only if it is after the checkpoint's claimed tick; a
 * new leader first writes the checkpoint (fencing out its predecessor's later writes), then sends
 * the predecessor's pending ticks and every tick after each source's claimed one up to now, then
 * carries on (see {@link BucketLeader}). So:
 *
 * <ul>
 *   <li><b>Graceful handover</b> (a replica stopped, a rolling update): every tick is delivered
 *       exactly once. The stopping leader stops claiming, waits (up to 10 s) for its sends in
 *       flight, records their completion and only then releases its lease; the successor sends
 *       precisely the ticks after the last claimed one, and re-sends nothing that was delivered.
 *   <li><b>Crash or partition</b> (the leader vanishes without releasing): no tick is lost within
 *       the catch-up window, and at most the ticks the dead leader had claimed without having
 *       recorded their completion (those of its last second or so, written at most one second after
 *       they end) are sent a second time, <em>with the same id</em>, so a consumer that
 *       deduplicates on id sees each exactly once. Two replicas that both believe they lead never
 *       claim the same tick: a claim based on an outdated checkpoint fails and is re-checked.
 * </ul>
 *
 * <p><b>Limits.</b> Catch-up is bounded: ticks scheduled more than {@code max(2 × LeaseDuration, 1
 * minute)} before the takeover, or beyond the latest 120 per source, are not sent (a long outage
 * does not end in a burst). A tick is not sent while its claim cannot be written (the API server is
 * down); it is retried every retry period and sent late, or caught up by the next leader. A source
 * that becomes Ready, or is created, is sent only its ticks from then on. One checkpoint holds
 * about 150 bytes per source, so one bucket suits up to several thousand sources (a ConfigMap is at
 * most 1 MiB); more buckets split them. The replica needs {@code get}, {@code create} and {@code
 * update} on ConfigMaps in {@code SYSTEM_NAMESPACE}, besides upstream's permissions.
 *
 * <p>Exit code 0 after a stop; 1 when its configuration is invalid.
 */
public final class MtPingProgram implements Program {

  /** Upstream's metrics port of the adapter. */
  public static final int DEFAULT_METRICS_PORT = 9090;

  /** How long a graceful stop waits for sends in flight before recording what it has. */
  static final Duration SEND_DRAIN_LIMIT = Duration.ofSeconds(10);

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    KvLog log = new KvLog(ctx.log());
    MtPingConfig config;
    KubernetesClient client;
    try {
      config = MtPingConfig.read(ctx.env(), ctx.args());
      client = KubeClients.fromEnv(ctx.env());
    } catch (EnvException e) {
      log.error("invalid configuration", "error", e.getMessage());
      return Future.succeededFuture(1);
    }
    config.warnings().forEach(w -> log.warn(w));
    LeaderElectionSettings settings = config.leaderElection();
    List<String> leases =
        settings.leaseNames(LeaderElectionSettings.COMPONENT, LeaderElectionSettings.QUEUE_NAME);
    TickScheduler scheduler = TickScheduler.start(ctx.clock());
    SinkSenders senders = new SinkSenders(ctx.vertx(), new DeliveryMetrics(ctx.meterRegistry()));
    SourceEvents events = new SourceEvents(client, ctx.clock(), log);
    BucketLeader.CatchUp catchUp = BucketLeader.CatchUp.forLease(settings.leaseDuration());
    MtPingAdapter adapter =
        MtPingAdapter.create(
            new BucketSet(leases),
            (bucket, ticker) ->
                new BucketLeader(
                    bucket,
                    new ConfigMapCheckpointStore(
                        client, config.systemNamespace(), bucket, LeaderElectionSettings.COMPONENT),
                    ticker::release,
                    ctx.clock(),
                    catchUp,
                    settings.retryPeriod(),
                    log),
            senders,
            events,
            ctx.clock(),
            log,
            gate ->
                new PingTicker(
                    scheduler,
                    senders.plain(),
                    ctx.vertx(),
                    ctx.clock(),
                    new Random(),
                    gate,
                    config.sinkTimeout()));
    MtPingMetrics.register(ctx.meterRegistry(), adapter);

    SharedIndexInformer<PingSource> informer =
        client.resources(PingSource.class).inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(PingSource source) {
            adapter.upsert(source);
          }

          @Override
          public void onUpdate(PingSource old, PingSource source) {
            adapter.upsert(source);
          }

          @Override
          public void onDelete(PingSource source, boolean finalStateUnknown) {
            adapter.delete(source);
          }
        });
    AtomicBoolean synced = new AtomicBoolean();
    List<LeaseElector> electors = new ArrayList<>();
    AtomicBoolean closed = new AtomicBoolean();
    Runnable closeAll =
        () -> {
          if (!closed.compareAndSet(false, true)) {
            return;
          }
          synchronized (electors) {
            electors.forEach(LeaseElector::close);
          }
          informer.stop();
          scheduler.close();
          events.close();
          senders.close();
          client.close();
        };
    // Also when the runtime kills the adapter (its shutdown may wait for the minute boundary,
    // longer than a pod's grace): the electors must not keep their Leases in a dead adapter.
    ctx.resources().own(closeAll::run);

    Promise<Integer> exit = Promise.promise();
    AdminServer.start(ctx, DEFAULT_METRICS_PORT, synced::get)
        .onFailure(
            e -> {
              log.error("cannot serve metrics and probes", "error", e.getMessage());
              ctx.vertx()
                  .executeBlocking(
                      () -> {
                        closeAll.run();
                        return null;
                      })
                  .onComplete(ignored -> exit.tryComplete(1));
            });
    log.info(
        "starting",
        "component",
        LeaderElectionSettings.COMPONENT,
        "identity",
        config.identity(),
        "buckets",
        leases.size(),
        "systemNamespace",
        config.systemNamespace());
    informer
        .start()
        .whenComplete(
            (ignored, error) -> {
              if (error != null) {
                log.error("PingSource informer failed", "error", error.getMessage());
                return;
              }
              synced.set(true);
              log.info("PingSource informer synced", "sources", informer.getStore().list().size());
              synchronized (electors) {
                if (exit.future().isComplete() || ctx.stopRequested().isComplete()) {
                  return;
                }
                for (String lease : leases) {
                  if (config.disableHa()) {
                    adapter.promote(lease);
                    continue;
                  }
                  LeaseElector elector =
                      new LeaseElector(
                          client,
                          config.systemNamespace(),
                          lease,
                          config.identity(),
                          settings,
                          bucket -> {
                            log.info(
                                "has started leading",
                                "identity",
                                config.identity(),
                                "bucket",
                                bucket);
                            adapter.promote(bucket);
                          },
                          bucket -> {
                            log.info(
                                "has stopped leading",
                                "identity",
                                config.identity(),
                                "bucket",
                                bucket);
                            adapter.demote(bucket);
                          });
                  electors.add(elector);
                  elector.start();
                }
              }
            });

    ctx.stopRequested()
        .onComplete(
            stop -> {
              Duration delay =
                  ShutdownDelay.before(ctx.clock().instant(), config.noShutdownAfter());
              if (delay.isZero()) {
                shutDown(ctx, adapter, closeAll, log, exit);
              } else {
                log.info(
                    "delaying shutdown past the minute boundary",
                    "seconds",
                    delay.toSeconds(),
                    ShutdownDelay.ENV,
                    config.noShutdownAfter());
                ctx.vertx()
                    .setTimer(delay.toMillis(), t -> shutDown(ctx, adapter, closeAll, log, exit));
              }
            });
    return exit.future();
  }

  /** Quiesce, let sends end, record them, release the leases, close everything. */
  private static void shutDown(
      ProgramContext ctx,
      MtPingAdapter adapter,
      Runnable closeAll,
      KvLog log,
      Promise<Integer> exit) {
    log.info("stopping");
    ctx.vertx()
        .executeBlocking(
            () -> {
              adapter.quiesce().join();
              long deadline = System.nanoTime() + SEND_DRAIN_LIMIT.toNanos();
              while (adapter.ticker().inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling a counter on a worker thread; no event to wait on
              }
              if (adapter.ticker().inFlight() > 0) {
                log.warn(
                    "sends still in flight at shutdown; their ticks stay pending for the next leader",
                    "inFlight",
                    adapter.ticker().inFlight());
              }
              adapter.finish().join();
              closeAll.run();
              return null;
            })
        .onComplete(
            done -> {
              if (done.failed()) {
                log.error("shutdown failed", "error", String.valueOf(done.cause()));
              }
              log.info("stopped");
              exit.tryComplete(0);
            });
  }
}
