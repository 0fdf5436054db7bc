package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.local.apiserver.Kubectl.Result;
import dev.tributary.local.datadir.DataDir;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl (Go's TLS stack, not Java's) accepts our CA and serving certificate through the
 * kubeconfig we write, with a fresh HOME so no cache or other config plays a part.
 */
class KubectlTlsIT {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\","
          + "\"gitCommit\":\"0000000000000000000000000000000000000000\",\"gitTreeState\":\"clean\","
          + "\"buildDate\":\"2025-01-01T00:00:00Z\",\"goVersion\":\"go1.23.0\",\"compiler\":\"gc\","
          + "\"platform\":\"linux/amd64\"}";
  private static final String UNAUTHORIZED =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}";

  @TempDir Path temp;

  private final Vertx vertx = Vertx.vertx();
  private DataDir dir;
  private ClusterCertificates certs;
  private Tokens tokens;
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
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
    var response = request.response().putHeader("Content-Type", "application/json");
    if (tokens.authenticate(request.getHeader("Authorization")).isEmpty()) {
      response.setStatusCode(401).end(UNAUTHORIZED);
    } else if (request.path().equals("/version")) {
      response.end(VERSION);
    } else {
      response.setStatusCode(404).end("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"code\":404}");
    }
  }

  @Test
  void kubectlVerifiesTheServerAndIsLetIn() throws Exception {
    Kubeconfig.write(dir, server.actualPort(), certs, tokens);

    Result result = kubectl("version", "-o", "json");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("\"serverVersion\"").contains("\"minor\": \"32\"");
  }

  @Test
  void kubectlWithAWrongTokenIsTurnedAway() throws Exception {
    Kubeconfig.write(
        dir.kubeconfig(),
        Kubeconfig.serverUrl(server.actualPort()),
        certs.caCertificatePem(),
        "wrong-token");

    Result result = kubectl("version", "-o", "json");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output())
        .doesNotContain("\"serverVersion\"")
        .contains("the server has asked for the client to provide credentials");
  }

  @Test
  void kubectlTrustingAnotherCaRefusesTheServer() throws Exception {
    ClusterCertificates otherCa =
        ClusterCertificates.loadOrCreate(DataDir.open(temp.resolve("other")), Clock.systemUTC());
    Kubeconfig.write(
        dir.kubeconfig(),
        Kubeconfig.serverUrl(server.actualPort()),
        otherCa.caCertificatePem(),
        tokens.adminToken());

    Result result = kubectl("version", "-o", "json");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("certificate signed by unknown authority");
  }

  private Result kubectl(String... args) throws Exception {
    return new Kubectl(temp.resolve("home"), dir.kubeconfig()).run(args);
  }
}
