package dev.tributary.local.apiserver;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.security.ClusterCertificates;
import dev.tributary.local.security.Kubeconfig;
import dev.tributary.local.security.Tokens;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real API server for tests: a data directory, certificates, tokens, a store and the server on a
 * loopback port, plus the kubeconfig clients use. Close it to stop everything.
 */
public final class TestCluster implements AutoCloseable {

  final DataDir dataDir;
  final ClusterCertificates certificates;
  final Tokens tokens;
  final Store store;
  final Vertx vertx;
  final ApiServer server;

  /** The admin kubeconfig clients use (server address, cluster CA, admin token). */
  public final Path kubeconfig;

  private final List<KubernetesClient> clients = new ArrayList<>();
  private HttpClient http;

  private TestCluster(
      DataDir dataDir,
      ClusterCertificates certificates,
      Tokens tokens,
      Store store,
      Vertx vertx,
      ApiServer server,
      Path kubeconfig) {
    this.dataDir = dataDir;
    this.certificates = certificates;
    this.tokens = tokens;
    this.store = store;
    this.vertx = vertx;
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  public static TestCluster start(Path dir) throws Exception {
    return start(dir, StoreOptions.defaults(), UnaryOperator.identity());
  }

  /**
   * A cluster whose server configuration {@code customize} changes (e.g. its admission plugins).
   */
  public static TestCluster start(Path dir, UnaryOperator<ApiServerConfig> customize)
      throws Exception {
    return start(dir, StoreOptions.defaults(), customize);
  }

  static TestCluster start(
      Path dir, StoreOptions storeOptions, UnaryOperator<ApiServerConfig> customize)
      throws Exception {
    DataDir dataDir = DataDir.open(dir);
    ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, Clock.systemUTC());
    Tokens tokens = Tokens.loadOrCreate(dataDir);
    Store store = Store.open(dataDir.root(), storeOptions);
    Vertx vertx = Vertx.vertx();
    try {
      ApiServer server =
          ApiServer.start(
                  vertx,
                  customize.apply(
                      ApiServerConfig.loopback(0, certificates.apiServer(), tokens, store)))
              .await(30, TimeUnit.SECONDS);
      Path kubeconfig = Kubeconfig.write(dataDir, server.port(), certificates, tokens);
      return new TestCluster(dataDir, certificates, tokens, store, vertx, server, kubeconfig);
    } catch (Exception e) {
      vertx.close().await(30, TimeUnit.SECONDS);
      store.close();
      throw e;
    }
  }

  /** The server's token store (a kubelet mints pods' ServiceAccount tokens from it). */
  public Tokens tokens() {
    return tokens;
  }

  /** A fabric8 client configured from the kubeconfig, as users get one. */
  public KubernetesClient client() throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    clients.add(client);
    return client;
  }

  /** The server's https URL. */
  public String baseUrl() {
    return Kubeconfig.serverUrl(server.port());
  }

  /** A JDK HTTP client trusting the cluster CA. */
  HttpClient http() throws Exception {
    if (http == null) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca",
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(certificates.caCertificatePem())));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, factory.getTrustManagers(), null);
      http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }
    return http;
  }

  /** A request builder for {@code path} carrying the admin token. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.adminToken());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  @Override
  public void close() throws Exception {
    for (KubernetesClient client : clients) {
      client.close();
    }
    if (http != null) {
      http.close();
    }
    try {
      server.close().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      store.close();
    }
  }
}
