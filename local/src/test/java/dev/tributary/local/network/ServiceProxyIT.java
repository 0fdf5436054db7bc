package dev.tributary.local.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Service over two pod-like HTTP servers, each bound on its own loopback address as the kubelet
 * binds pods, reached through the Service proxy by cluster IP and by cluster DNS name, from
 * java.net.http and from a Vert.x client, and from a host process ({@code curl}) through its
 * rewritten env; refused while no endpoint is ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceProxyIT {

  private static final String NS = "net-it";
  private static final String HOST = "web." + NS + ".svc.cluster.local";
  private static final Map<String, String> POD_IPS =
      Map.of("web-a", "127.77.0.11", "web-b", "127.77.0.12");

  @TempDir static Path temp;
  static TestCluster cluster;
  static KubernetesClient client;
  static Vertx vertx;
  static Vertx jdkResolvingVertx;
  static io.vertx.core.http.HttpClient vertxHttp;
  static ClusterNetwork network;
  static HttpClient http;
  static final ServiceNameTable names = new ServiceNameTable("cluster.local");
  static final List<HttpServer> pods = new ArrayList<>();
  static String clusterIp;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("cluster"));
    client = cluster.client();
    vertx = Vertx.vertx();
    jdkResolvingVertx = vertxOnJdkResolver();
    // no keep-alive: each request is a new connection, so each is balanced on its own
    vertxHttp = jdkResolvingVertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    for (var pod : POD_IPS.entrySet()) {
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(request -> request.response().end(pod.getKey()))
              .listen(0, pod.getValue())
              .await(10, TimeUnit.SECONDS);
      pods.add(server);
      createPod(pod.getKey(), pod.getValue(), server.actualPort());
      setReady(pod.getKey(), true);
    }
    clusterIp =
        client
            .services()
            .inNamespace(NS)
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .endMetadata()
                    .withNewSpec()
                    .withSelector(Map.of("app", "web"))
                    .addNewPort()
                    .withPort(80)
                    .withTargetPort(new IntOrString("http"))
                    .endPort()
                    .endSpec()
                    .build())
            .create()
            .getSpec()
            .getClusterIP();
    assertThat(clusterIp).startsWith("127.96.");

    network = new ClusterNetwork(vertx, client, names);
    network.start().await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (network != null) {
      network.close().await(30, TimeUnit.SECONDS);
    }
    if (http != null) {
      http.close();
    }
    for (HttpServer server : pods) {
      server.close().await(10, TimeUnit.SECONDS);
    }
    if (jdkResolvingVertx != null) {
      jdkResolvingVertx.close().await(10, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void clusterIpPort80ReachesThePodsRoundRobin() throws Exception {
    Set<String> answered = new HashSet<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              answered.add(vertxGet(clusterIp));
              assertThat(answered).containsExactlyInAnyOrder("web-a", "web-b");
            });
    assertThat(network.proxy().routes().get(new ServiceAddress(clusterIp, 80)).endpoints())
        .extracting(ServiceAddress::ip)
        .containsExactly("127.77.0.11", "127.77.0.12");
  }

  @Test
  @Order(2)
  void clusterDnsNameResolvesForJavaNetHttpAndVertx() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(names.clusterIp(NS, "web")).isPresent());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(URI.create("http://" + HOST + "/"))
                          .timeout(Duration.ofSeconds(5))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(response.body()).isIn("web-a", "web-b");
            });
    assertThat(vertxGet(HOST)).isIn("web-a", "web-b");
    assertThat(vertxGet("web." + NS + ".svc")).isIn("web-a", "web-b");
  }

  @Test
  @Order(3)
  void aHostProcessReachesTheServiceThroughItsRewrittenEnv() throws Exception {
    Map<String, String> env =
        network.hostEnvRewriter().rewriteAll(Map.of("K_SINK", "http://" + HOST), "default");
    assertThat(env).containsEntry("K_SINK", "http://" + clusterIp);

    ProcessBuilder curl =
        new ProcessBuilder("sh", "-c", "exec curl -sS --max-time 5 \"$K_SINK\"")
            .redirectErrorStream(true);
    curl.environment().putAll(env);
    Process process = curl.start();
    try {
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isIn("web-a", "web-b");
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  @Order(4)
  void servicesCreatedAndDeletedLaterAreFollowed() throws Exception {
    String ip =
        client
            .services()
            .inNamespace(NS)
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("later")
                    .endMetadata()
                    .withNewSpec()
                    .withSelector(Map.of("app", "web"))
                    .addNewPort()
                    .withPort(8081)
                    .withTargetPort(new IntOrString("http"))
                    .endPort()
                    .endSpec()
                    .build())
            .create()
            .getSpec()
            .getClusterIP();
    // the name is looked up only once the table has it: the JDK caches unknown names for 10 s
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(names.clusterIp(NS, "later")).isPresent());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        http.send(
                                HttpRequest.newBuilder(
                                        URI.create("http://later." + NS + ".svc:8081/"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body())
                    .isIn("web-a", "web-b"));

    client.services().inNamespace(NS).withName("later").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(names.lookup("later." + NS + ".svc")).isEmpty();
              assertThatThrownBy(
                      () -> {
                        try (Socket socket = new Socket()) {
                          socket.connect(new InetSocketAddress(ip, 8081), 2_000);
                        }
                      })
                  .isInstanceOf(ConnectException.class);
            });
  }

  @Test
  @Order(5)
  void noReadyEndpointRefusesConnectionsUntilOneIsReadyAgain() throws Exception {
    setReady("web-a", false);
    setReady("web-b", false);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThatThrownBy(
                        () -> {
                          try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(clusterIp, 80), 2_000);
                          }
                        })
                    .isInstanceOf(ConnectException.class));

    setReady("web-b", true);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(vertxGet(clusterIp)).isEqualTo("web-b"));
  }

  private static String vertxGet(String host) throws Exception {
    return vertxHttp
        .request(
            new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(80).setURI("/"))
        .compose(request -> request.send())
        .compose(response -> response.body())
        .await(10, TimeUnit.SECONDS)
        .toString();
  }

  /**
   * Vert.x resolves names with its own Netty DNS client unless {@code vertx.disableDnsResolver} is
   * set when the instance is created; then it asks {@link java.net.InetAddress}, which sees the
   * cluster names (fabric8 creates its Vert.x instance the same way).
   */
  private static Vertx vertxOnJdkResolver() {
    String previous = System.getProperty("vertx.disableDnsResolver");
    System.setProperty("vertx.disableDnsResolver", "true");
    try {
      return Vertx.vertx();
    } finally {
      if (previous == null) {
        System.clearProperty("vertx.disableDnsResolver");
      } else {
        System.setProperty("vertx.disableDnsResolver", previous);
      }
    }
  }

  private static void createPod(String name, String ip, int port) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(Map.of("app", "web"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .withImage("example.com/web")
            .addNewPort()
            .withName("http")
            .withContainerPort(port)
            .endPort()
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(NS).resource(pod).create();
  }

  private static void setReady(String name, boolean ready) {
    client
        .pods()
        .inNamespace(NS)
        .withName(name)
        .editStatus(
            pod ->
                new PodBuilder(pod)
                    .editStatus()
                    .withPhase("Running")
                    .withPodIP(POD_IPS.get(name))
                    .withConditions(
                        new PodConditionBuilder()
                            .withType("Ready")
                            .withStatus(ready ? "True" : "False")
                            .build())
                    .endStatus()
                    .build());
  }
}
