package dev.tributary.controller;

import dev.tributary.api.sources.apiserver.ApiServerSource;
import dev.tributary.api.sources.container.ContainerSource;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.controller.apiserver.ApiServerSourceReconciler;
import dev.tributary.controller.apiserver.PermissionCheck;
import dev.tributary.controller.apiserver.SubjectAccessReviewer;
import dev.tributary.controller.children.ChildReconciler;
import dev.tributary.controller.container.ContainerSourceReconciler;
import dev.tributary.controller.ping.PingSourceReconciler;
import dev.tributary.controller.ping.resources.LeaderElectionComponentConfig;
import dev.tributary.controller.ping.resources.MtAdapter;
import dev.tributary.controller.sink.SinkResolver;
import dev.tributary.controller.sinkbinding.SinkBindingReconciler;
import dev.tributary.runtime.AdminServer;
import dev.tributary.runtime.KubeClients;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The {@code eventing-controller} main: one {@link Controller} per source kind (PingSource,
 * ApiServerSource, ContainerSource), each with its informer, work queue, tracker and Event
 * recorder, on one Kubernetes client built from the program's env ({@link KubeClients#fromEnv}).
 *
 * <p>Every replica runs the informers (a warm cache); only the one holding the {@value
 * ControllerConfig#LEASE_NAME} Lease in {@code SYSTEM_NAMESPACE} runs the workers. Serves {@code
 * /metrics} (9090) and the probes (8080), ready once every informer has synced. On stop it releases
 * the lease and closes everything, then exits 0. Configuration: {@link ControllerConfig}.
 */
public final class ControllerProgram implements Program {

  private static final int METRICS_PORT = 9090;
  private static final Duration CACHE_SYNC_TIMEOUT = Duration.ofSeconds(30);

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    ControllerConfig config;
    try {
      config = ControllerConfig.fromEnv(ctx.env());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    AtomicBoolean synced = new AtomicBoolean();
    Promise<Integer> exit = Promise.promise();
    ctx.vertx()
        .<ControlPlane>executeBlocking(() -> ControlPlane.start(ctx, config, synced))
        .onFailure(exit::tryFail)
        .onSuccess(
            plane ->
                AdminServer.start(ctx, METRICS_PORT, synced::get)
                    .onFailure(
                        e ->
                            ctx.vertx()
                                .executeBlocking(
                                    () -> {
                                      plane.close();
                                      return null;
                                    })
                                .onComplete(closed -> exit.tryFail(e)))
                    .onSuccess(
                        admin -> {
                          new KvLog(ctx.log())
                              .info("eventing-controller started", "identity", config.podName());
                          ctx.stopRequested()
                              .onComplete(
                                  stop ->
                                      ctx.vertx()
                                          .executeBlocking(
                                              () -> {
                                                plane.close();
                                                return null;
                                              })
                                          .onComplete(
                                              closed -> {
                                                new KvLog(ctx.log())
                                                    .info("eventing-controller stopped");
                                                admin.close().onComplete(x -> exit.tryComplete(0));
                                              }));
                        }));
    return exit.future();
  }

  /** Everything the controller runs; built and closed on a worker thread (both block). */
  private static final class ControlPlane implements AutoCloseable {

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final List<Controller<?>> controllers = new ArrayList<>();
    private LeaderElection election;
    private boolean closed; // guarded by this

    static ControlPlane start(ProgramContext ctx, ControllerConfig config, AtomicBoolean synced)
        throws Exception {
      // Closed by the runtime too, should the controller be killed before it stops by itself.
      ControlPlane plane = ctx.resources().own(new ControlPlane());
      try {
        plane.build(ctx, config);
        List<CompletableFuture<Void>> syncs = new ArrayList<>();
        for (Controller<?> controller : plane.controllers) {
          syncs.add(controller.start());
        }
        CompletableFuture.allOf(syncs.toArray(CompletableFuture[]::new))
            .get(CACHE_SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        synced.set(true);
        plane.election.start();
        return plane;
      } catch (Exception e) {
        plane.close();
        throw e;
      }
    }

    private <C extends AutoCloseable> C own(C closeable) {
      owned.push(closeable);
      return closeable;
    }

    private void build(ProgramContext ctx, ControllerConfig config) {
      KubernetesClient client = own(KubeClients.fromEnv(ctx.env()));
      Clock clock = ctx.clock();
      ExecutorDelayScheduler delays = own(new ExecutorDelayScheduler("eventing-controller-delays"));
      List<EnvVar> configEnv = ControllerConfig.adapterConfigEnv(loggingConfig(client, config));

      register(
          client,
          delays,
          config,
          PingSource.class,
          "pingsource",
          kind -> {
            PingSourceReconciler reconciler =
                new PingSourceReconciler(
                    client,
                    kind.sinks(),
                    kind.tracker(),
                    kind.recorder(),
                    config.systemNamespace(),
                    new MtAdapter.Args(
                        LeaderElectionComponentConfig.knativeDefaults("pingsource").toJson(),
                        config.noShutdownAfter(),
                        config.sinkTimeout(),
                        configEnv),
                    clock);
            return new KindReconciler<>(
                client, kind.recorder(), reconciler, PingSource.CRD_NAME, reconciler);
          },
          clock);

      register(
          client,
          delays,
          config,
          ApiServerSource.class,
          "apiserversource",
          kind -> {
            ApiServerSourceReconciler reconciler =
                new ApiServerSourceReconciler(
                    client,
                    kind.sinks(),
                    kind.tracker(),
                    kind.children(),
                    new PermissionCheck(new SubjectAccessReviewer(client)),
                    kind.recorder(),
                    new ApiServerSourceReconciler.Settings(
                        config.apiServerAdapterImage(),
                        config.systemNamespace(),
                        apiServerUrl(client),
                        configEnv,
                        Map.of(),
                        config.permissionRecheck()),
                    clock);
            return new KindReconciler<>(
                client, kind.recorder(), reconciler, ApiServerSource.FINALIZER, reconciler);
          },
          clock);

      register(
          client,
          delays,
          config,
          ContainerSource.class,
          "containersource",
          kind ->
              new KindReconciler<>(
                  client,
                  kind.recorder(),
                  new ContainerSourceReconciler(
                      kind.children(), client.getKubernetesSerialization(), clock)),
          clock);

      register(
          client,
          delays,
          config,
          SinkBinding.class,
          "sinkbinding",
          kind -> {
            SinkBindingReconciler reconciler =
                new SinkBindingReconciler(
                    client,
                    kind.recorder(),
                    kind.sinks(),
                    kind.tracker(),
                    config.sinkBindingSelection(),
                    clock);
            return new KindReconciler<>(
                client, kind.recorder(), reconciler, SinkBinding.FINALIZER, reconciler);
          },
          clock);

      election =
          new LeaderElection(
              client,
              LeaderElection.Settings.knativeDefaults(
                  config.systemNamespace(), ControllerConfig.LEASE_NAME, config.podName()),
              () -> {
                new KvLog(ctx.log())
                    .info(
                        "started leading",
                        "lease",
                        ControllerConfig.LEASE_NAME,
                        "identity",
                        config.podName());
                controllers.forEach(Controller::startWorkers);
              },
              () -> {
                controllers.forEach(Controller::stopWorkers);
                new KvLog(ctx.log())
                    .info(
                        "stopped leading",
                        "lease",
                        ControllerConfig.LEASE_NAME,
                        "identity",
                        config.podName());
              });
    }

    /** What a kind's reconciler is built from. */
    private record KindParts(
        InformerTracker tracker,
        SinkResolver sinks,
        EventRecorder recorder,
        ChildReconciler children) {}

    private <T extends HasMetadata> void register(
        KubernetesClient client,
        DelayScheduler delays,
        ControllerConfig config,
        Class<T> type,
        String component,
        Function<KindParts, Reconciler<T>> reconciler,
        Clock clock) {
      WorkQueue<ObjectKey> queue = new WorkQueue<>(ExponentialBackoff.controllerDefault(), delays);
      InformerTracker tracker = own(new InformerTracker(client, queue::add, CACHE_SYNC_TIMEOUT));
      EventRecorder recorder = new EventRecorder(client, component + "-controller", clock);
      KindParts parts =
          new KindParts(
              tracker,
              new SinkResolver(
                  tracker, tracker, config.clusterDomain(), client.getKubernetesSerialization()),
              recorder,
              new ChildReconciler(client, tracker, tracker, recorder));
      Controller<T> controller =
          own(
              new Controller<>(
                  component,
                  client.resources(type).inAnyNamespace().runnableInformer(0),
                  reconciler.apply(parts),
                  queue,
                  config.workers(),
                  client.getKubernetesSerialization()));
      controllers.add(controller);
    }

    private static ConfigMap loggingConfig(KubernetesClient client, ControllerConfig config) {
      try {
        return client
            .configMaps()
            .inNamespace(config.systemNamespace())
            .withName(config.loggingConfigName())
            .get();
      } catch (KubernetesClientException e) {
        // Adapters then get the default logging configuration; say so rather than fail.
        org.slf4j.LoggerFactory.getLogger(ControllerProgram.class)
            .warn(
                "key={}/{} cannot read the logging config: {}",
                config.systemNamespace(),
                config.loggingConfigName(),
                e.getMessage());
        return null;
      }
    }

    /** The API server URL as client-go's rest config Host: no trailing slash. */
    private static String apiServerUrl(KubernetesClient client) {
      String url = client.getMasterUrl().toString();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (election != null) {
        election.close();
      }
      while (!owned.isEmpty()) {
        try {
          owned.pop().close();
        } catch (Exception e) {
          org.slf4j.LoggerFactory.getLogger(ControllerProgram.class)
              .warn("closing the controller failed", e);
        }
      }
    }
  }
}
