package dev.tributary.local.kubelet;

import dev.tributary.local.apiserver.ApiServer;
import dev.tributary.local.apiserver.ApiServerConfig;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.security.ClusterCertificates;
import dev.tributary.local.security.Kubeconfig;
import dev.tributary.local.security.Tokens;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
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
 * A local API server with a kubelet on it, for the kubelet's ITs. Like the API server tests'
 * TestCluster, but it keeps the server's {@link Tokens} so the kubelet can mint ServiceAccount
 * tokens the server accepts, as {@code tributary up} wires them.
 */
final class KubeletCluster implements AutoCloseable {

  final Path dir;
  final Tokens tokens;
  final Path kubeconfig;
  final MemoryContainerLogs logs = new MemoryContainerLogs();
  private final Store store;
  private final Vertx vertx;
  private final ApiServer server;
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final KubeletSettings settings;
  private Kubelet kubelet;

  private KubeletCluster(
      Path dir,
      Tokens tokens,
      Path kubeconfig,
      Store store,
      Vertx vertx,
      ApiServer server,
      KubeletSettings settings) {
    this.dir = dir;
    this.tokens = tokens;
    this.kubeconfig = kubeconfig;
    this.store = store;
    this.vertx = vertx;
    this.server = server;
    this.settings = settings;
  }

  /** An API server on {@code dir} and a kubelet with {@code settings}, started. */
  static KubeletCluster start(Path dir, KubeletSettings settings) throws Exception {
    DataDir dataDir = DataDir.open(dir);
    ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, Clock.systemUTC());
    Tokens tokens = Tokens.loadOrCreate(dataDir);
    Store store = Store.open(dataDir.root(), StoreOptions.defaults());
    Vertx vertx = Vertx.vertx();
    ApiServer server =
        ApiServer.start(vertx, ApiServerConfig.loopback(0, certificates.apiServer(), tokens, store))
            .await(30, TimeUnit.SECONDS);
    Path kubeconfig = Kubeconfig.write(dataDir, server.port(), certificates, tokens);
    KubeletCluster cluster =
        new KubeletCluster(dir, tokens, kubeconfig, store, vertx, server, settings);
    cluster.startKubelet();
    return cluster;
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
    ServiceAccountTokens issuer =
        new ServiceAccountTokens() {
          @Override
          public String issue(String namespace, String name, String uid) throws IOException {
            return tokens.issueServiceAccountToken(namespace, name, uid);
          }

          @Override
          public void revoke(String token) throws IOException {
            tokens.revoke(token);
          }
        };
    kubelet = new Kubelet(client(), dir, Clock.systemUTC(), settings, logs, issuer);
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
      clients.forEach(KubernetesClient::close);
      try {
        server.close().await(30, TimeUnit.SECONDS);
      } finally {
        vertx.close().await(30, TimeUnit.SECONDS);
        store.close();
      }
    }
  }
}
