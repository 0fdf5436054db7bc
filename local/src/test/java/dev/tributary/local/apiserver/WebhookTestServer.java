package dev.tributary.local.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.ServingCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real admission webhook over HTTPS on a loopback port: {@code /mutate} allows and adds the label
 * {@code admitted=yes} with a JSONPatch and a warning, {@code /deny} refuses with 403 "no thanks",
 * {@code /allow} allows. Every review received is kept.
 */
final class WebhookTestServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  final ConcurrentLinkedQueue<JsonNode> reviews = new ConcurrentLinkedQueue<>();
  private final HttpServer server;

  private WebhookTestServer(HttpServer server) {
    this.server = server;
  }

  static WebhookTestServer start(Vertx vertx, ServingCertificate certificate) throws Exception {
    WebhookTestServer[] self = new WebhookTestServer[1];
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(0)
                    .setSsl(true)
                    .setKeyCertOptions(certificate.keyCertOptions()))
            .requestHandler(request -> self[0].handle(request));
    self[0] = new WebhookTestServer(server);
    server.listen().await(30, TimeUnit.SECONDS);
    return self[0];
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "https://127.0.0.1:" + port() + path;
  }

  /** The reviews received for objects named {@code name}. */
  List<JsonNode> reviewsOf(String name) {
    return reviews.stream()
        .filter(r -> r.path("request").path("name").asText().equals(name))
        .toList();
  }

  private void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              try {
                JsonNode review = JSON.readTree(body.getBytes());
                reviews.add(review);
                ObjectNode answer = JSON.createObjectNode();
                answer.put("apiVersion", "admission.k8s.io/v1");
                answer.put("kind", "AdmissionReview");
                ObjectNode response = answer.putObject("response");
                response.put("uid", review.path("request").path("uid").asText());
                switch (request.path()) {
                  case "/mutate" -> {
                    response.put("allowed", true);
                    boolean hasLabels =
                        review.path("request").path("object").path("metadata").has("labels");
                    String patch =
                        hasLabels
                            ? "[{\"op\":\"add\",\"path\":\"/metadata/labels/admitted\",\"value\":\"yes\"}]"
                            : "[{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"admitted\":\"yes\"}}]";
                    response.put("patchType", "JSONPatch");
                    response.put(
                        "patch",
                        Base64.getEncoder().encodeToString(patch.getBytes(StandardCharsets.UTF_8)));
                    response.putArray("warnings").add("mutated by the test webhook");
                  }
                  case "/deny" -> {
                    response.put("allowed", false);
                    response.putObject("status").put("code", 403).put("message", "no thanks");
                  }
                  default -> response.put("allowed", true);
                }
                request
                    .response()
                    .putHeader("Content-Type", "application/json")
                    .end(JSON.writeValueAsString(answer));
              } catch (Exception e) {
                request.response().setStatusCode(500).end(e.toString());
              }
            });
  }

  @Override
  public void close() throws Exception {
    server.close().await(30, TimeUnit.SECONDS);
  }
}
