package dev.tributary.adapters.apiserver;

import dev.tributary.api.sources.apiserver.ApiServerSourceConfig;
import dev.tributary.api.sources.apiserver.ApiServerSourceConfig.ResourceWatch;
import dev.tributary.delivery.CeOverridesApplier;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.delivery.DeliveryOutcome;
import dev.tributary.delivery.DeliveryTarget;
import dev.tributary.delivery.Encoding;
import dev.tributary.delivery.HttpEventSender;
import dev.tributary.delivery.RetryPolicy;
import dev.tributary.runtime.AdminServer;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import dev.tributary.runtime.KubeClients;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ApiServerSource receive adapter ({@code cmd/apiserver_receive_adapter}): watches the
 * resources of {@code K_SOURCE_CONFIG} as the source's ServiceAccount and sends one CloudEvent per
 * change to {@code K_SINK} (see {@link ApiServerEventFactory}, {@link ResourceWatcher}).
 *
 * <ul>
 *   <li>Reads {@code K_SINK}, {@code K_SOURCE_CONFIG}, {@code NAMESPACE}, {@code NAME}, {@code
 *       K_CE_OVERRIDES}, {@code K_CA_CERTS} ({@link ReceiveAdapterEnv}); the Kubernetes client from
 *       {@code KUBECONFIG} or the in-cluster ServiceAccount ({@link KubeClients}).
 *   <li>Serves metrics on 9092 and probes on 8080 ({@link AdminServer}); ready once every watch has
 *       been established.
 *   <li>Sends in binary mode with {@code Kn-Namespace}, upstream's fixed retries, one event at a
 *       time in order through a bounded queue of {@link #QUEUE_CAPACITY} ({@link DeliveryQueue}).
 *   <li>Beyond upstream: checkpoints what it delivered in a ConfigMap ({@link CheckpointStore}),
 *       saved at most every {@link #CHECKPOINT_INTERVAL_MS} ms and when stopping, and resumes from
 *       it on restart. Without permission on ConfigMaps it logs so and runs as upstream does.
 *   <li>A resource that does not exist is skipped with an error log, or ends the adapter in
 *       fail-fast mode; list/watch failures are retried, or end it in fail-fast mode (exit 1).
 *   <li>On stop: watches close, queued events are delivered (up to {@link #DRAIN_GRACE_MS} ms), the
 *       checkpoint is saved; exit code 0, as upstream's adapter on SIGTERM.
 * </ul>
 */
public final class ReceiveAdapterProgram implements Program {

  /** Upstream's metrics port for this adapter. */
  public static final int METRICS_PORT = 9092;

  /** How many changes may wait for delivery before the watches are paused. */
  public static final int QUEUE_CAPACITY = 1000;

  /** How often a changed checkpoint is written. */
  public static final long CHECKPOINT_INTERVAL_MS = 1_000;

  /** How long a stopping adapter keeps delivering what it has queued. */
  public static final long DRAIN_GRACE_MS = 10_000;

  private final Function<Env, KubernetesClient> clients;
  private final int queueCapacity;

  /** The adapter as deployed: its Kubernetes client from {@link KubeClients#fromEnv}. */
  public ReceiveAdapterProgram() {
    this(KubeClients::fromEnv);
  }

  /**
   * The adapter with its Kubernetes client built by {@code clients} from its env (e.g. to act as
   * another user through impersonation in tests). The adapter owns and closes the client.
   */
  public ReceiveAdapterProgram(Function<Env, KubernetesClient> clients) {
    this(clients, QUEUE_CAPACITY);
  }

  /**
   * As {@link #ReceiveAdapterProgram(Function)}, with another delivery queue capacity (e.g. a small
   * one to exercise back-pressure).
   */
  public ReceiveAdapterProgram(Function<Env, KubernetesClient> clients, int queueCapacity) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    this.clients = clients;
    this.queueCapacity = queueCapacity;
  }

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    ReceiveAdapterEnv env;
    try {
      env = ReceiveAdapterEnv.read(ctx.env());
    } catch (EnvException e) {
      new KvLog(ctx.log()).error("invalid configuration", "error", e.getMessage());
      return Future.succeededFuture(1);
    }
    return new Running(ctx, env, clients, queueCapacity).run();
  }

  /** One run of the adapter: everything it owns, used on the program's context only. */
  private static final class Running implements ResourceWatcher.Listener {
    private final ProgramContext ctx;
    private final ReceiveAdapterEnv env;
    private final KvLog log;
    private final Context context;
    private final ReceiveAdapterMetrics metrics;
    private final Promise<Integer> exit = Promise.promise();
    private final List<ResourceWatcher> watchers = new ArrayList<>();
    private KubernetesClient client;
    private HttpEventSender sender;
    private DeliveryQueue queue;
    private CheckpointStore checkpoints;
    private boolean checkpointsOn = true;
    private boolean checkpointDirty;
    private boolean saving;
    private long checkpointTimer = -1;
    private volatile boolean ready;
    private boolean stopping;

    private final Function<Env, KubernetesClient> clients;

    private final int queueCapacity;

    Running(
        ProgramContext ctx,
        ReceiveAdapterEnv env,
        Function<Env, KubernetesClient> clients,
        int queueCapacity) {
      this.ctx = ctx;
      this.clients = clients;
      this.queueCapacity = queueCapacity;
      this.env = env;
      this.log = new KvLog(ctx.log()).withKey(env.key());
      this.context = ctx.vertx().getOrCreateContext();
      this.metrics = new ReceiveAdapterMetrics(ctx.meterRegistry());
    }

    Future<Integer> run() {
      ApiServerSourceConfig config = env.config();
      try {
        // The runtime closes it also if the adapter is killed: its watches end with it.
        client = ctx.resources().own(clients.apply(ctx.env()));
      } catch (RuntimeException e) {
        log.error("cannot build the Kubernetes client", "error", e.getMessage());
        return Future.succeededFuture(1);
      }
      URI source = URI.create(stripTrailingSlash(client.getConfiguration().getMasterUrl()));
      sender =
          new HttpEventSender(
              ctx.vertx(),
              new CeOverridesApplier(env.ceOverrides()),
              new DeliveryMetrics(ctx.meterRegistry()),
              clientOptions(env),
              HttpEventSender.DEFAULT_POOL_SIZE);
      DeliveryTarget target =
          new DeliveryTarget(
              env.sink(),
              RetryPolicy.sourceDefault(),
              null,
              Encoding.BINARY,
              Map.of("Kn-Namespace", env.namespace()));
      queue = new DeliveryQueue(queueCapacity, sender, target, ctx.clock(), this::logFailedSend);
      metrics.queueDepth(queue::size);
      EventFilter filter = new EventFilter(config.filters());
      if (filter.hasCesql()) {
        log.warn("cesql filters are not supported and are skipped");
      }
      ApiServerEventFactory factory = new ApiServerEventFactory(source, config.mode());
      checkpoints = new CheckpointStore(client, env.namespace(), env.name());
      ChangeEvents changes =
          new ChangeEvents(
              factory, config.owner(), filter, env.namespace(), checkpoints.configMapName());
      log.info(
          "starting",
          "mode",
          factory.mode(),
          "sink",
          env.sink(),
          "source",
          source,
          "failFast",
          config.failFast(),
          "checkpoint",
          checkpoints.configMapName());

      AdminServer.start(ctx, METRICS_PORT, () -> ready)
          .compose(admin -> ctx.vertx().executeBlocking(() -> discover(config), false))
          .compose(targets -> startWatches(targets, changes, config.failFast()))
          .onFailure(
              e -> {
                log.error("cannot start", "error", e.getMessage());
                shutdown(1);
              });
      ctx.stopRequested().onComplete(v -> shutdown(0));
      return exit.future();
    }

    /** Discovery and the checkpoint read: blocking, on a worker thread. */
    private Setup discover(ApiServerSourceConfig config) {
      List<WatchTarget> targets = new ArrayList<>();
      for (ResourceWatch resource : config.resources()) {
        APIResource discovered;
        try {
          discovered = WatchTarget.discover(client, resource.gvr());
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "failed to retrieve information about resource "
                  + gvrString(resource)
                  + ": "
                  + e.getMessage(),
              e);
        }
        if (discovered == null) {
          log.error(
              "could not retrieve information about resource "
                  + gvrString(resource)
                  + ": it doesn't exist"
                  + (config.failFast() ? "" : ". skipping..."));
          if (config.failFast()) {
            throw new IllegalStateException("resource " + gvrString(resource) + " does not exist");
          }
          continue;
        }
        targets.addAll(
            WatchTarget.of(
                resource.gvr(),
                discovered,
                resource.selector(),
                config.namespaces(),
                config.allNamespaces()));
      }
      Map<String, Checkpoint> saved = Map.of();
      try {
        saved = checkpoints.load();
      } catch (RuntimeException e) {
        checkpointsOn = false;
        metrics.checkpointFailures.increment();
        log.warn(
            "cannot read the checkpoint ConfigMap; changes made while the adapter is down will not"
                + " be delivered after a restart (grant get, create, update on configmaps)",
            "configmap",
            env.namespace() + "/" + checkpoints.configMapName(),
            "error",
            e.getMessage());
      }
      return new Setup(targets, saved);
    }

    private record Setup(List<WatchTarget> targets, Map<String, Checkpoint> saved) {}

    private Future<Void> startWatches(Setup setup, ChangeEvents changes, boolean failFast) {
      if (stopping) {
        return Future.succeededFuture();
      }
      for (WatchTarget t : setup.targets()) {
        ResourceWatcher w =
            new ResourceWatcher(
                ctx.vertx(), context, client, t, queue, changes, log, metrics, failFast, this);
        watchers.add(w);
        w.start(setup.saved().get(t.id()));
      }
      if (watchers.isEmpty()) {
        ready = true; // nothing to watch: upstream's adapter runs idle, and so do we
      }
      checkpointTimer = ctx.vertx().setPeriodic(CHECKPOINT_INTERVAL_MS, id -> saveCheckpoint());
      return Future.succeededFuture();
    }

    /** As upstream's adapter: a send that failed for good is logged with the event's id. */
    private void logFailedSend(CloudEvent event, DeliveryOutcome outcome) {
      if (outcome instanceof DeliveryOutcome.Failed failed) {
        log.error(
            "failed to send cloudevent",
            "id",
            event.getId(),
            "source",
            event.getSource(),
            "subject",
            event.getSubject(),
            "status",
            failed.lastStatusCode(),
            "error",
            failed.reason());
      }
    }

    @Override
    public void established(ResourceWatcher watcher) {
      if (!ready && watchers.stream().allMatch(ResourceWatcher::established)) {
        ready = true;
        log.info("watches established", "watches", watchers.size());
      }
    }

    @Override
    public void checkpointChanged() {
      checkpointDirty = true;
    }

    @Override
    public void fatal(ResourceWatcher watcher, Throwable cause) {
      log.error(
          "fail-fast mode: a watch failed, exiting",
          "resource",
          watcher.target().describe(),
          "error",
          cause.getMessage());
      shutdown(1);
    }

    private Future<Void> saveCheckpoint() {
      if (!checkpointsOn || !checkpointDirty || saving) {
        return Future.succeededFuture();
      }
      checkpointDirty = false;
      saving = true;
      Map<String, Checkpoint> snapshot = new LinkedHashMap<>();
      watchers.forEach(w -> snapshot.put(w.target().id(), w.checkpoint()));
      return ctx.vertx()
          .executeBlocking(() -> checkpoints.save(snapshot), false)
          .onComplete(
              result -> {
                saving = false;
                if (result.failed()) {
                  checkpointDirty = true;
                  metrics.checkpointFailures.increment();
                  log.warn(
                      "cannot write the checkpoint ConfigMap; it is retried, and a restart resumes"
                          + " from the last one written (grant get, create, update on configmaps)",
                      "configmap",
                      env.namespace() + "/" + checkpoints.configMapName(),
                      "error",
                      result.cause().getMessage());
                } else if (Boolean.TRUE.equals(result.result())) {
                  log.warn("checkpoint too large: object lists left out");
                }
              })
          .mapEmpty();
    }

    private void shutdown(int code) {
      if (stopping) {
        return;
      }
      stopping = true;
      ready = false;
      watchers.forEach(ResourceWatcher::stop);
      Future<Void> drained =
          queue == null
              ? Future.succeededFuture()
              : Future.any(queue.drained(), timeout(DRAIN_GRACE_MS)).mapEmpty();
      drained
          .compose(
              v -> {
                if (checkpointTimer >= 0) {
                  ctx.vertx().cancelTimer(checkpointTimer);
                }
                return waitForSave().compose(x -> saveCheckpoint());
              })
          .onComplete(
              v -> {
                if (sender != null) {
                  sender.close();
                }
                ctx.vertx()
                    .executeBlocking(
                        () -> {
                          if (client != null) {
                            client.close();
                          }
                          return null;
                        },
                        false)
                    .onComplete(closed -> exit.tryComplete(code));
              });
    }

    private Future<Void> waitForSave() {
      if (!saving) {
        return Future.succeededFuture();
      }
      Promise<Void> p = Promise.promise();
      ctx.vertx().setTimer(50, id -> waitForSave().onComplete(p));
      return p.future();
    }

    private Future<Void> timeout(long ms) {
      Promise<Void> p = Promise.promise();
      ctx.vertx().setTimer(ms, id -> p.tryComplete());
      return p.future();
    }
  }

  private static String gvrString(ResourceWatch resource) {
    // apimachinery's GroupVersionResource.String(): "group/version, Resource=resource".
    var gvr = resource.gvr();
    String gv = gvr.group().isEmpty() ? gvr.version() : gvr.group() + "/" + gvr.version();
    return gv + ", Resource=" + gvr.resource();
  }

  /**
   * As upstream's client: an https sink trusts the given CA certificates (PEM) when there are any.
   */
  private static HttpClientOptions clientOptions(ReceiveAdapterEnv env) {
    HttpClientOptions options = new HttpClientOptions();
    if ("https".equalsIgnoreCase(env.sink().getScheme()) && !env.caCerts().isEmpty()) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(env.caCerts())));
    }
    return options;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
