package dev.tributary.local.cluster;

import dev.tributary.local.apiserver.ControlPlane;
import dev.tributary.local.apiserver.admission.AdmissionPlugins;
import dev.tributary.local.apiserver.admission.webhook.WebhookSettings;
import dev.tributary.local.apiserver.defaults.ServiceIpRange;
import dev.tributary.local.kube.WorkloadControllers;
import dev.tributary.local.kubelet.Kubelet;
import dev.tributary.local.kubelet.KubeletSettings;
import dev.tributary.local.kubelet.ServiceAccountTokens;
import dev.tributary.local.kubelet.image.BuiltinImages;
import dev.tributary.local.kubelet.logs.FileContainerLogs;
import dev.tributary.local.kubelet.logs.PodLogJanitor;
import dev.tributary.local.network.ClusterIpServiceResolver;
import dev.tributary.local.network.ClusterNetwork;
import dev.tributary.local.network.ServiceNameTable;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cluster {@code tributary up} runs: the API server, then what a cluster's nodes and
 * controller manager add to it - the Service network (proxy and in-JVM names, through which the API
 * server also reaches service-addressed webhooks), the workload controllers, and the kubelet (with
 * its container logs, which {@code pods/log} serves). Everything past the API server talks to it
 * through fabric8, as on a real cluster.
 *
 * <p>Lifecycle: {@link #start} blocks until every part runs; {@link #close} stops them in reverse
 * order and is idempotent.
 */
public final class LocalCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How to run it.
   *
   * @param port the API server's port on 127.0.0.1 (0 for any free one)
   * @param hostExec whether unmapped images whose containers give a command run as host processes
   * @param releaseRegistry the registry (and path) of the release's images, which the kubelet runs
   *     in this JVM
   */
  public record Settings(int port, boolean hostExec, String releaseRegistry) {

    /** With the release's images under the default build's registry. */
    public Settings(int port, boolean hostExec) {
      this(port, hostExec, BuiltinImages.DEFAULT_RELEASE_REGISTRY);
    }
  }

  private final ControlPlane plane;
  private final KubernetesClient client;
  private final Deque<AutoCloseable> parts;
  private boolean closed; // guarded by this

  private LocalCluster(ControlPlane plane, KubernetesClient client, Deque<AutoCloseable> parts) {
    this.plane = plane;
    this.client = client;
    this.parts = parts;
  }

  /** Starts the local cluster on {@code dataDirectory}; {@code progress} is told of each step. */
  public static LocalCluster start(
      Path dataDirectory, Clock clock, Settings settings, Consumer<String> progress)
      throws Exception {
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    ServiceNameTable names = new ServiceNameTable("cluster.local");
    FileContainerLogs logs = FileContainerLogs.inDataDir(dataDirectory, clock);
    ControlPlane plane =
        ControlPlane.start(
            dataDirectory,
            settings.port(),
            clock,
            progress,
            config ->
                config
                    .withServiceIpRange(ServiceIpRange.forDataDir(dataDirectory))
                    .withExtensions(
                        config
                            .extensions()
                            .withPodLogs(logs)
                            .withAdmission(
                                AdmissionPlugins.defaults()
                                    .withWebhooks(
                                        new WebhookSettings(
                                            new ClusterIpServiceResolver(names))))));
    parts.push(plane);
    // kubectl can already talk to the API server (and bench/apiserver.sh measures up to here).
    progress.accept("API server ready at " + plane.url());
    try {
      KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(
                  Config.fromKubeconfig(
                      Files.readString(plane.kubeconfig(), StandardCharsets.UTF_8)))
              .build();
      parts.push(client);

      Vertx vertx = Vertx.vertx();
      parts.push(() -> vertx.close().await(30, TimeUnit.SECONDS));
      // The workload controllers need only the API: their caches sync while the network's do
      // (each waits mostly on its informers), which takes a second or two off the start.
      CompletableFuture<WorkloadControllers> controllers =
          CompletableFuture.supplyAsync(
              () -> startControllers(client, clock),
              task -> Thread.ofPlatform().name("workload-controllers-start").start(task));
      ClusterNetwork network = new ClusterNetwork(vertx, client, names);
      try {
        network.start().await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        controllers.thenAccept(WorkloadControllers::close); // whenever they have started
        throw e;
      }
      parts.push(() -> network.close().await(30, TimeUnit.SECONDS));
      progress.accept("service network ready (Service proxy, *.svc.cluster.local names)");

      try {
        parts.push(controllers.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
      } catch (TimeoutException e) {
        controllers.thenAccept(WorkloadControllers::close);
        throw e;
      }
      progress.accept("workload controllers running");

      PodLogJanitor janitor = new PodLogJanitor(client, logs);
      janitor.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      parts.push(janitor);
      Kubelet kubelet =
          new Kubelet(
              client,
              plane.dataDir().root(),
              clock,
              KubeletSettings.defaults()
                  .withHostExec(settings.hostExec())
                  .withReleaseRegistry(settings.releaseRegistry()),
              logs,
              ServiceAccountTokens.of(plane.tokens()),
              network.hostEnvRewriter());
      kubelet.start().await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      parts.push(() -> kubelet.close().await(60, TimeUnit.SECONDS));
      progress.accept("kubelet running (node " + KubeletSettings.DEFAULT_NODE_NAME + ")");
      return new LocalCluster(plane, client, parts);
    } catch (Exception e) {
      closeAll(parts);
      throw e;
    }
  }

  private static WorkloadControllers startControllers(KubernetesClient client, Clock clock) {
    try {
      return WorkloadControllers.start(client, clock, START_TIMEOUT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** The API server's parts: URL, kubeconfig, data directory. */
  public ControlPlane controlPlane() {
    return plane;
  }

  /** An admin client of this cluster; owned by the cluster. */
  public KubernetesClient client() {
    return client;
  }

  /** Stops the kubelet (its pods), the controllers, the network and the API server. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeAll(parts);
  }

  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        // Keep closing the rest: a part that fails to stop must not keep the others running.
        LOG.warn(
            "msg=\"a part of the local cluster did not stop cleanly\" error=\"{}\"", e.toString());
      }
    }
  }
}
