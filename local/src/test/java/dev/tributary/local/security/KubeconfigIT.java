package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.datadir.DataDir;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the certificates, the admin token and the kubeconfig, as fabric8 uses them against an
 * HTTPS server on loopback that verifies tokens the way the API server will.
 */
class KubeconfigIT {

  private static final String UNAUTHORIZED =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}";

  @TempDir Path temp;

  private final Vertx vertx = Vertx.vertx();
  private final List<String> seenUsers = new CopyOnWriteArrayList<>();
  private DataDir dir;
  private ClusterCertificates certs;
  private Tokens tokens;
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    dir = DataDir.open(temp.resolve("data"));
    certs = ClusterCertificates.loadOrCreate(dir, Clock.systemUTC());
    tokens = Tokens.loadOrCreate(dir);
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(certs.apiServer().keyCertOptions())
                    .setHost("127.0.0.1")
                    .setPort(0))
            .requestHandler(this::handle)
            .listen()
            .await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  private void handle(HttpServerRequest request) {
    var user = tokens.authenticate(request.getHeader("Authorization"));
    var response = request.response().putHeader("Content-Type", "application/json");
    if (user.isEmpty()) {
      response.setStatusCode(401).end(UNAUTHORIZED);
      return;
    }
    seenUsers.add(user.get().username());
    if (request.path().equals("/version")) {
      response.end("{\"major\":\"1\",\"minor\":\"32\"}");
    } else {
      response.setStatusCode(404).end("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":404}");
    }
  }

  @Test
  void fabric8VerifiesOurCaAndAuthenticatesWithTheAdminToken() throws Exception {
    Path kubeconfig = Kubeconfig.write(dir, server.actualPort(), certs, tokens);
    Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
    assertThat(config.isTrustCerts()).isFalse();

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      VersionInfo version = client.getKubernetesVersion();

      assertThat(version.getMajor()).isEqualTo("1");
      assertThat(version.getMinor()).isEqualTo("32");
    }
    assertThat(seenUsers).containsExactly("kubernetes-admin");
  }

  @Test
  void aServiceAccountTokenWorksTheSameWay() throws Exception {
    String token = tokens.issueServiceAccountToken("default", "events-sa", "uid-1");
    Kubeconfig.write(
        dir.kubeconfig(),
        Kubeconfig.serverUrl(server.actualPort()),
        certs.caCertificatePem(),
        token);
    Config config = Config.fromKubeconfig(Files.readString(dir.kubeconfig()));

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("32");
    }
    assertThat(seenUsers).containsExactly("system:serviceaccount:default:events-sa");
  }

  @Test
  void aWrongTokenGets401() throws Exception {
    Kubeconfig.write(
        dir.kubeconfig(),
        Kubeconfig.serverUrl(server.actualPort()),
        certs.caCertificatePem(),
        "not-" + tokens.adminToken());
    Config config = Config.fromKubeconfig(Files.readString(dir.kubeconfig()));

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(client::getKubernetesVersion)
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }
    assertThat(seenUsers).isEmpty();
  }

  @Test
  void aClientTrustingAnotherCaRefusesTheServer() throws Exception {
    ClusterCertificates otherCa =
        ClusterCertificates.loadOrCreate(DataDir.open(temp.resolve("other")), Clock.systemUTC());
    Kubeconfig.write(
        dir.kubeconfig(),
        Kubeconfig.serverUrl(server.actualPort()),
        otherCa.caCertificatePem(),
        tokens.adminToken());
    Config config = Config.fromKubeconfig(Files.readString(dir.kubeconfig()));

    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(client::getKubernetesVersion)
          .isInstanceOf(KubernetesClientException.class);
    }
    assertThat(seenUsers).isEmpty();
  }
}
