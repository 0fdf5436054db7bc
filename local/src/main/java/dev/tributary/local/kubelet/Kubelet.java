package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.env.EnvResolver;
import dev.tributary.local.kubelet.env.FabricEnvSources;
import dev.tributary.local.kubelet.image.ImageMappings;
import dev.tributary.local.kubelet.image.ImageResolver;
import dev.tributary.local.kubelet.logs.ContainerLogs;
import dev.tributary.local.network.HostEnvRewriter;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local kubelet: runs every pod that is unscheduled or bound to its node. It watches Pods in
 * all namespaces through fabric8 and gives each one a {@link PodWorker}, which binds it, gives it
 * its own loopback address, runs its containers (in this JVM, as host processes, or failing as an
 * unpullable image - see {@link ImageResolver}), keeps its status and Events current and stops it
 * gracefully when it is deleted.
 *
 * <p>State lives in the API (pod status) and under {@code <data-dir>/kubelet} (per-pod
 * credentials), so a kubelet started again on the same data dir brings the node's pods back, as
 * after a reboot. Image mappings are read from {@code <data-dir>/images.yaml} ({@link
 * ImageMappings}).
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once. Thread-safe.
 */
public final class Kubelet {

  private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);

  /** How long {@link #close} lets containers stop before it returns regardless. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final KubeletSettings settings;
  private final KubeletContext context;
  private final Map<String, PodWorker> workers = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers;
  private final ExecutorService executor;
  private SharedIndexInformer<Pod> informer;

  /**
   * @param client the API (the kubelet acts with this client's identity)
   * @param dataDir the cluster's data dir; the kubelet keeps its files under {@code kubelet/}
   * @param logs where containers' output goes
   * @param tokens mints ServiceAccount tokens for pods' credentials; null gives pods none (no
   *     {@code KUBECONFIG}), for clusters without ServiceAccount tokens
   * @param hostEnv rewrites the cluster names in a host process's env and command line into the
   *     Services' cluster IPs, which a process outside this JVM can reach (the cluster network's
   *     {@link dev.tributary.local.network.ClusterNetwork#hostEnvRewriter}); null leaves them as
   *     they are. In-JVM containers always get the names, which resolve here.
   */
  public Kubelet(
      KubernetesClient client,
      Path dataDir,
      Clock clock,
      KubeletSettings settings,
      ContainerLogs logs,
      ServiceAccountTokens tokens,
      HostEnvRewriter hostEnv) {
    this.client = client;
    this.settings = settings;
    this.timers =
        Executors.newScheduledThreadPool(
            1, Thread.ofPlatform().name("kubelet-timer").daemon().factory());
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kubelet-pod-", 0).factory());
    Config config = client.getConfiguration();
    this.context =
        new KubeletContext(
            client,
            settings,
            clock,
            timers,
            executor,
            new KubeletEvents(client, clock, settings.nodeName()),
            logs,
            new EnvResolver(new FabricEnvSources(client)),
            new ImageResolver(
                new ImageMappings(dataDir.resolve(ImageMappings.FILE_NAME)),
                settings.hostExec(),
                settings.releaseRegistry()),
            PodAddresses.forDataDir(dataDir),
            tokens,
            hostEnv,
            dataDir.resolve("kubelet"),
            stripSlash(config.getMasterUrl()),
            caPem(config),
            workers::remove);
  }

  /** Starts watching pods; completes once the initial list has been handed to the workers. */
  public synchronized Future<Void> start() {
    informer = client.pods().inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod) {
            seen(pod);
          }

          @Override
          public void onUpdate(Pod old, Pod pod) {
            seen(pod);
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            PodWorker worker = workers.get(pod.getMetadata().getUid());
            if (worker != null) {
              worker.deleted();
            }
          }
        });
    return Future.fromCompletionStage(informer.start()).mapEmpty();
  }

  /**
   * Stops watching and stops every container (grace {@link #CLOSE_GRACE}), leaving the pods' API
   * state as it is - a node going down. Blocks until the containers have ended or the grace ran
   * out.
   */
  public synchronized Future<Void> close() {
    if (informer != null) {
      informer.close();
    }
    List<CompletableFuture<Void>> stopped = new ArrayList<>();
    for (PodWorker worker : workers.values()) {
      stopped.add(worker.shutdown(CLOSE_GRACE));
    }
    try {
      CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
          .get(CLOSE_GRACE.toMillis() + 3000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("containers still running at kubelet close node={}", settings.nodeName(), e);
    }
    timers.shutdownNow();
    executor.shutdown();
    return Future.succeededFuture();
  }

  private void seen(Pod pod) {
    String node = pod.getSpec().getNodeName();
    if (node != null && !node.isEmpty() && !node.equals(settings.nodeName())) {
      return;
    }
    workers
        .computeIfAbsent(pod.getMetadata().getUid(), uid -> new PodWorker(context, pod))
        .update(pod);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static byte[] caPem(Config config) {
    try {
      if (config.getCaCertData() != null && !config.getCaCertData().isEmpty()) {
        return Base64.getDecoder().decode(config.getCaCertData().trim());
      }
      if (config.getCaCertFile() != null) {
        return Files.readAllBytes(Path.of(config.getCaCertFile()));
      }
      return new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cluster CA unreadable: " + config.getCaCertFile(), e);
    }
  }
}
