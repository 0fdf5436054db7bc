package dev.tributary.webhook;

import dev.tributary.runtime.KvLog;
import dev.tributary.webhook.certs.ServingCertificate;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionRequest;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionResponse;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionReview;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The webhook's HTTPS server: {@code POST}s of {@code admission.k8s.io/v1} AdmissionReviews go to
 * the {@link AdmissionHandler} registered for their path, {@code apiextensions.k8s.io/v1}
 * ConversionReviews to the {@link ConversionHandler} registered for theirs.
 *
 * <p>HTTP errors never carry a stack trace: 404 for an unknown path, 405 for a method other than
 * POST, 415 for a content type other than {@code application/json}, 413 for a body over the size
 * limit, 400 for a body that is not a review (with knative.dev/pkg's {@code could not decode body:}
 * message). A handler that throws denies the request (admission) or fails the conversion result,
 * with the exception's message.
 *
 * <p>Threading: requests are read on the event loop and handled on worker threads, concurrently.
 * Lifecycle: {@link #start} binds, {@link #close} unbinds; the server lives on the given Vert.x.
 */
public final class WebhookServer {

  /** The largest review accepted: kube-apiserver's own request limit (3 MiB) plus room. */
  public static final int DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;

  private final HttpServer server;

  private WebhookServer(HttpServer server) {
    this.server = server;
  }

  /**
   * What the server serves and where.
   *
   * @param host the address to listen on
   * @param port the port, 0 for a free one
   * @param certificate the serving certificate and key
   * @param admission the admission steps, each on its own path
   * @param conversions the conversion steps, each on its own path
   * @param maxBodyBytes the largest body accepted
   * @param log where each request's outcome is logged
   * @param metrics where requests are counted
   */
  public record Options(
      String host,
      int port,
      ServingCertificate certificate,
      List<AdmissionHandler> admission,
      List<ConversionHandler> conversions,
      int maxBodyBytes,
      KvLog log,
      WebhookMetrics metrics) {
    public Options {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(certificate, "certificate");
      admission = List.copyOf(admission);
      conversions = List.copyOf(conversions);
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(metrics, "metrics");
    }
  }

  /** Starts serving; fails when the port cannot be bound or two steps share a path. */
  public static Future<WebhookServer> start(Vertx vertx, Options options) {
    Map<String, Object> routes = new HashMap<>();
    for (AdmissionHandler handler : options.admission()) {
      if (routes.put(handler.path(), handler) != null) {
        return Future.failedFuture(
            new IllegalArgumentException("two webhook steps serve " + handler.path()));
      }
    }
    for (ConversionHandler handler : options.conversions()) {
      if (routes.put(handler.path(), handler) != null) {
        return Future.failedFuture(
            new IllegalArgumentException("two webhook steps serve " + handler.path()));
      }
    }
    HttpServerOptions serverOptions =
        new HttpServerOptions().setSsl(true).setKeyCertOptions(keyCert(options.certificate()));
    Dispatcher dispatcher =
        new Dispatcher(
            vertx, Map.copyOf(routes), options.maxBodyBytes(), options.log(), options.metrics());
    return vertx
        .createHttpServer(serverOptions)
        .requestHandler(dispatcher::handle)
        .listen(options.port(), options.host())
        .map(WebhookServer::new);
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  /**
   * Serves {@code certificate} from now on (new connections); knative.dev/pkg reads the Secret on
   * every handshake for the same reason: a renewed certificate must not need a restart.
   */
  public Future<Void> updateCertificate(ServingCertificate certificate) {
    return server
        .updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(keyCert(certificate)))
        .mapEmpty();
  }

  private static PemKeyCertOptions keyCert(ServingCertificate certificate) {
    return new PemKeyCertOptions()
        .addKeyValue(Buffer.buffer(certificate.serverKeyPem()))
        .addCertValue(Buffer.buffer(certificate.serverCertPem()));
  }

  /** Stops listening. */
  public Future<Void> close() {
    return server.close();
  }

  /** Routes and decodes requests; everything past the body runs on a worker thread. */
  private static final class Dispatcher {
    private final Vertx vertx;
    private final Map<String, Object> routes;
    private final int maxBodyBytes;
    private final KvLog log;
    private final WebhookMetrics metrics;
    private final KubernetesSerialization json = new KubernetesSerialization();

    Dispatcher(
        Vertx vertx,
        Map<String, Object> routes,
        int maxBodyBytes,
        KvLog log,
        WebhookMetrics metrics) {
      this.vertx = vertx;
      this.routes = routes;
      this.maxBodyBytes = maxBodyBytes;
      this.log = log;
      this.metrics = metrics;
    }

    void handle(HttpServerRequest request) {
      Object route = routes.get(request.path());
      if (route == null) {
        plain(request, 404, "404 page not found");
        return;
      }
      if (request.method() != HttpMethod.POST) {
        plain(request, 405, "method not allowed: " + request.method());
        return;
      }
      String contentType = request.getHeader("Content-Type");
      if (!isJson(contentType)) {
        plain(
            request,
            415,
            "contentType="
                + (contentType == null ? "" : contentType)
                + ", expected application/json");
        return;
      }
      String declared = request.getHeader("Content-Length");
      if (declared != null && parseLength(declared) > maxBodyBytes) {
        request.response().putHeader("Connection", "close");
        plain(request, 413, "request body larger than " + maxBodyBytes + " bytes");
        return;
      }
      Buffer body = Buffer.buffer();
      boolean[] tooLarge = {false};
      request.handler(
          chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > maxBodyBytes) {
              tooLarge[0] = true; // keep reading to the end so the 413 is not lost to a reset
            }
            if (!tooLarge[0]) {
              body.appendBuffer(chunk);
            }
          });
      request.exceptionHandler(
          e -> log.warn("webhook request failed", "path", request.path(), "error", e.getMessage()));
      request.endHandler(
          end -> {
            if (tooLarge[0]) {
              plain(request, 413, "request body larger than " + maxBodyBytes + " bytes");
              return;
            }
            String text = body.toString(StandardCharsets.UTF_8);
            vertx
                .executeBlocking(() -> answer(route, text), false)
                .onComplete(
                    done -> {
                      if (done.succeeded()) {
                        Answer answer = done.result();
                        if (answer.code() == 200) {
                          request
                              .response()
                              .putHeader("Content-Type", "application/json")
                              .end(answer.body());
                        } else {
                          plain(request, answer.code(), answer.body());
                        }
                      } else {
                        log.error(
                            "webhook request failed",
                            "path",
                            request.path(),
                            "error",
                            String.valueOf(done.cause().getMessage()));
                        plain(request, 500, "internal error");
                      }
                    });
          });
    }

    private record Answer(int code, String body) {}

    private Answer answer(Object route, String body) {
      if (route instanceof AdmissionHandler handler) {
        return admit(handler, body);
      }
      return convert((ConversionHandler) route, body);
    }

    private Answer admit(AdmissionHandler handler, String body) {
      AdmissionReview review;
      try {
        review = json.unmarshal(body, AdmissionReview.class);
      } catch (RuntimeException e) {
        return new Answer(400, "could not decode body:" + firstLine(e));
      }
      if (review == null || review.getRequest() == null) {
        return new Answer(400, "could not decode body: the review has no request");
      }
      AdmissionRequest request = review.getRequest();
      AdmissionResponse response;
      try {
        response = handler.admit(request);
        if (response == null) {
          response = AdmissionStatuses.badRequest("no verdict from " + handler.path());
        }
      } catch (RuntimeException e) {
        response = AdmissionStatuses.badRequest(firstLine(e));
      }
      response.setUid(request.getUid());
      metrics.answered(
          handler.path(),
          request.getKind() == null ? "" : request.getKind().getKind(),
          request.getOperation(),
          Boolean.TRUE.equals(response.getAllowed()));
      log.info(
          "admission",
          "path",
          handler.path(),
          "kind",
          request.getKind() == null ? "" : request.getKind().getKind(),
          "key",
          key(request.getNamespace(), request.getName()),
          "operation",
          request.getOperation(),
          "allowed",
          response.getAllowed(),
          "result",
          response.getStatus() == null ? "" : response.getStatus().getMessage());
      AdmissionReview out = new AdmissionReview();
      out.setApiVersion(orDefault(review.getApiVersion(), "admission.k8s.io/v1"));
      out.setKind(orDefault(review.getKind(), "AdmissionReview"));
      out.setResponse(response);
      return new Answer(200, json.asJson(out));
    }

    private Answer convert(ConversionHandler handler, String body) {
      ConversionReview review;
      try {
        review = json.unmarshal(body, ConversionReview.class);
      } catch (RuntimeException e) {
        return new Answer(400, "could not decode body:" + firstLine(e));
      }
      if (review == null || review.getRequest() == null) {
        return new Answer(400, "could not decode body: the review has no request");
      }
      ConversionRequest request = review.getRequest();
      ConversionResponse response;
      try {
        response = handler.convert(request);
      } catch (RuntimeException e) {
        response = new ConversionResponse(List.of(), failure(firstLine(e)), request.getUid());
      }
      response.setUid(request.getUid());
      String result = response.getResult() == null ? "" : response.getResult().getStatus();
      metrics.answered(handler.path(), "", "CONVERT", "Success".equals(result));
      log.info(
          "conversion",
          "path",
          handler.path(),
          "desiredAPIVersion",
          request.getDesiredAPIVersion(),
          "objects",
          request.getObjects() == null ? 0 : request.getObjects().size(),
          "result",
          result);
      ConversionReview out = new ConversionReview();
      out.setApiVersion(orDefault(review.getApiVersion(), "apiextensions.k8s.io/v1"));
      out.setKind(orDefault(review.getKind(), "ConversionReview"));
      out.setResponse(response);
      return new Answer(200, json.asJson(out));
    }

    private static io.fabric8.kubernetes.api.model.Status failure(String message) {
      return new StatusBuilder().withStatus("Failure").withMessage(message).build();
    }

    private void plain(HttpServerRequest request, int code, String text) {
      if (code >= 400) {
        metrics.rejected(code);
      }
      request
          .response()
          .setStatusCode(code)
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(text + "\n");
    }

    private static boolean isJson(String contentType) {
      if (contentType == null) {
        return false;
      }
      int semicolon = contentType.indexOf(';');
      String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
      return media.trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static long parseLength(String value) {
      try {
        return Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        return -1; // Vert.x rejects a malformed Content-Length itself
      }
    }

    private static String key(String namespace, String name) {
      String n = name == null ? "" : name;
      return namespace == null || namespace.isEmpty() ? n : namespace + "/" + n;
    }

    private static String orDefault(String value, String fallback) {
      return value == null || value.isEmpty() ? fallback : value;
    }

    private static String firstLine(Throwable e) {
      String message = e.getMessage();
      if (message == null || message.isBlank()) {
        message = e.getClass().getSimpleName();
      }
      int newline = message.indexOf('\n');
      return newline < 0 ? message : message.substring(0, newline);
    }
  }
}
