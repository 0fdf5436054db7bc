package dev.tributary.local.kubelet;

import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.network.ClusterNetwork;
import dev.tributary.local.network.ServiceNameTable;
import dev.tributary.local.security.Tokens;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API server tests' {@link TestCluster} with a kubelet on it, for the kubelet's ITs: the
 * kubelet mints ServiceAccount tokens from the server's own {@link Tokens}, as {@code tributary up}
 * wires them.
 */
final class KubeletCluster implements AutoCloseable {

  final Path dir;
  final Tokens tokens;
  final Path kubeconfig;
  final MemoryContainerLogs logs = new MemoryContainerLogs();
  private final TestCluster cluster;
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final KubeletSettings settings;
  private Kubelet kubelet;
  private Vertx vertx;
  ClusterNetwork network;

  private KubeletCluster(Path dir, TestCluster cluster, KubeletSettings settings) {
    this.dir = dir;
    this.cluster = cluster;
    this.tokens = cluster.tokens();
    this.kubeconfig = cluster.kubeconfig;
    this.settings = settings;
  }

  /** An API server on {@code dir} and a kubelet with {@code settings}, started. */
  static KubeletCluster start(Path dir, KubeletSettings settings) throws Exception {
    KubeletCluster cluster = new KubeletCluster(dir, TestCluster.start(dir), settings);
    cluster.startKubelet();
    return cluster;
  }

  /**
   * As {@link #start}, with the Service network (proxy and cluster names) running and the kubelet
   * rewriting host processes' cluster URLs through it, as {@code tributary up} wires them.
   */
  static KubeletCluster startWithNetwork(Path dir, KubeletSettings settings) throws Exception {
    KubeletCluster cluster = new KubeletCluster(dir, TestCluster.start(dir), settings);
    try {
      cluster.vertx = Vertx.vertx();
      cluster.network =
          new ClusterNetwork(
              cluster.vertx, cluster.client(), new ServiceNameTable("cluster.local"));
      cluster.network.start().await(30, TimeUnit.SECONDS);
      cluster.startKubelet();
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  KubernetesClient client() throws IOException {
    return client(Config.fromKubeconfig(Files.readString(kubeconfig)));
  }

  KubernetesClient client(Config config) {
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    clients.add(client);
    return client;
  }

  void startKubelet() throws Exception {
    kubelet =
        new Kubelet(
            client(),
            dir,
            Clock.systemUTC(),
            settings,
            logs,
            ServiceAccountTokens.of(tokens),
            network == null ? null : network.hostEnvRewriter());
    kubelet.start().await(30, TimeUnit.SECONDS);
  }

  void stopKubelet() throws Exception {
    kubelet.close().await(30, TimeUnit.SECONDS);
  }

  /** The Events about {@code pod}, oldest first. */
  List<Event> events(KubernetesClient client, Pod pod) {
    return client
        .v1()
        .events()
        .inNamespace(pod.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> pod.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
        .toList();
  }

  @Override
  public void close() throws Exception {
    try {
      if (kubelet != null) {
        stopKubelet();
      }
    } finally {
      try {
        if (network != null) {
          network.close().await(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
          vertx.close().await(30, TimeUnit.SECONDS);
        }
      } finally {
        clients.forEach(KubernetesClient::close);
        cluster.close();
      }
    }
  }
}
