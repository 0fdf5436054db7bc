package dev.tributary.controller.sinkbinding;

import dev.tributary.local.security.ServingCertificate;
import dev.tributary.webhook.AdmissionHandler;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AdmissionReview v1 server over HTTPS on a loopback port, serving one {@link
 * AdmissionHandler} at its path (the real webhook server is another package's): decodes the review,
 * calls the handler off the event loop, and answers with its response carrying the request's uid.
 * Anything else is 404; a handler failure is a 500 with the message.
 */
final class AdmissionTestServer implements AutoCloseable {

  private final HttpServer server;

  private AdmissionTestServer(HttpServer server) {
    this.server = server;
  }

  static AdmissionTestServer start(
      Vertx vertx, ServingCertificate certificate, AdmissionHandler handler) throws Exception {
    KubernetesSerialization json = new KubernetesSerialization();
    HttpServer server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(0)
                    .setSsl(true)
                    .setKeyCertOptions(certificate.keyCertOptions()))
            .requestHandler(request -> handle(vertx, json, handler, request));
    server.listen().await(30, TimeUnit.SECONDS);
    return new AdmissionTestServer(server);
  }

  int port() {
    return server.actualPort();
  }

  private static void handle(
      Vertx vertx,
      KubernetesSerialization json,
      AdmissionHandler handler,
      HttpServerRequest request) {
    if (!request.path().equals(handler.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    request
        .body()
        .compose(
            body ->
                vertx.executeBlocking(
                    () -> {
                      AdmissionReview review =
                          json.unmarshal(body.toString(), AdmissionReview.class);
                      AdmissionResponse response = handler.admit(review.getRequest());
                      response.setUid(review.getRequest().getUid());
                      AdmissionReview answer = new AdmissionReview();
                      answer.setApiVersion("admission.k8s.io/v1");
                      answer.setKind("AdmissionReview");
                      answer.setResponse(response);
                      return json.asJson(answer);
                    }))
        .onSuccess(
            answer -> request.response().putHeader("Content-Type", "application/json").end(answer))
        .onFailure(
            error -> request.response().setStatusCode(500).end(String.valueOf(error.getMessage())));
  }

  @Override
  public void close() throws Exception {
    server.close().await(30, TimeUnit.SECONDS);
  }
}
