package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.apiserver.discovery.AggregatedDiscovery;
import dev.tributary.local.apiserver.discovery.LegacyDiscovery;
import dev.tributary.local.apiserver.discovery.OpenApiV3;
import dev.tributary.local.apiserver.discovery.VersionInfo;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.StatusObjects;
import dev.tributary.local.apiserver.rbac.Authorizer;
import dev.tributary.local.apiserver.rbac.Decision;
import dev.tributary.local.apiserver.rbac.ForbiddenStatus;
import dev.tributary.local.apiserver.rbac.Impersonation;
import dev.tributary.local.apiserver.rbac.RequestAttributes;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.apiserver.table.TableOptions;
import dev.tributary.local.apiserver.watch.EncodedEvent;
import dev.tributary.local.apiserver.watch.EncodedEvents;
import dev.tributary.local.apiserver.watch.HttpWatchSink;
import dev.tributary.local.apiserver.watch.WatchSink;
import dev.tributary.local.apiserver.watch.WatchStream;
import dev.tributary.local.apiserver.watch.WebSocketWatchSink;
import dev.tributary.local.security.TokenAuthenticator;
import dev.tributary.local.security.UserInfo;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP request of the API server. On the event loop: health checks (no credentials), bearer
 * token authentication (401), routing (404) and, for fabric8's WebSocket watches, the upgrade. On
 * worker threads: impersonation ({@code kubectl --as}), authorization of every request, resource
 * and non-resource alike (403), then discovery, OpenAPI, the resource endpoint, or a watch stream.
 */
public final class RequestHandler implements Handler<HttpServerRequest> {

  private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

  /** The largest request body taken, as Kubernetes' 3 MiB limit. */
  public static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

  private static final List<String> HEALTH = List.of("healthz", "livez", "readyz");

  private final Vertx vertx;
  private final ResourceRegistry registry;
  private final ObjectService objects;
  private final ResourceEndpoint endpoint;
  private final Tables tables;
  private final PodLogs podLogs;
  private final TokenAuthenticator authenticator;
  private final Authorizer authorizer;
  private final ExecutorService workers;
  private final Duration bookmarkInterval;
  // One store write is encoded once for all the watches that send it the same way.
  private final EncodedEvents watchEvents = new EncodedEvents();
  private volatile String serverAddress = "127.0.0.1:6443";

  public RequestHandler(
      Vertx vertx,
      ResourceRegistry registry,
      ObjectService objects,
      Tables tables,
      ResourceEndpoint endpoint,
      PodLogs podLogs,
      TokenAuthenticator authenticator,
      Authorizer authorizer,
      ExecutorService workers,
      Duration bookmarkInterval) {
    this.vertx = vertx;
    this.registry = registry;
    this.objects = objects;
    this.tables = tables;
    this.endpoint = endpoint;
    this.podLogs = podLogs;
    this.authenticator = authenticator;
    this.authorizer = authorizer;
    this.workers = workers;
    this.bookmarkInterval = bookmarkInterval;
  }

  /** The {@code host:port} that {@code /api} reports. */
  public void serverAddress(String address) {
    this.serverAddress = address;
  }

  @Override
  public void handle(HttpServerRequest request) {
    try {
      dispatch(request);
    } catch (ApiException e) {
      respond(request, ApiResponse.error(e));
    } catch (RuntimeException e) {
      log.error("request failed method={} path={}", request.method(), request.path(), e);
      respond(request, ApiResponse.error(ApiErrors.internal("unexpected server error")));
    }
  }

  /** What a request is, as far as the event loop can tell without blocking. */
  private record Call(
      HttpServerRequest request,
      UserInfo authenticated,
      ApiPath path,
      String method,
      Map<String, String> query,
      ResourceRoute route,
      boolean watch) {}

  private void dispatch(HttpServerRequest request) {
    ApiPath path = ApiPath.parse(request.path());
    if (path.size() >= 1 && HEALTH.contains(path.get(0))) {
      respond(request, ApiResponse.text(200, "ok"));
      return;
    }
    Optional<UserInfo> user = authenticator.authenticate(request.getHeader("Authorization"));
    if (user.isEmpty()) {
      throw ApiErrors.unauthorized();
    }
    String method = request.method().name();
    Map<String, String> query = query(request);
    ResourceRoute route = resourceRoute(path);
    boolean watch = route != null && method.equals("GET") && Query.bool(query, "watch");
    if (watch && (!route.collection() || !route.subresource().isEmpty())) {
      throw ApiErrors.methodNotAllowed(); // one object is watched with a metadata.name selector
    }
    Call call = new Call(request, user.get(), path, method, query, route, watch);
    if (watch && request.canUpgradeToWebSocket()) {
      // fabric8 starts every watch with a WebSocket upgrade; serve it rather than make it retry.
      WatchStream.Request watchRequest = watchRequest(call);
      request
          .toWebSocket()
          .onFailure(
              e -> log.debug("websocket upgrade failed path={}: {}", request.path(), e.toString()))
          .onSuccess(socket -> runWatch(call, watchRequest, new WebSocketWatchSink(socket)));
      return;
    }
    String lengthHeader = request.getHeader("Content-Length");
    if (lengthHeader != null && parseLength(lengthHeader) > MAX_BODY_BYTES) {
      throw ApiErrors.requestEntityTooLarge(MAX_BODY_BYTES);
    }
    if (watch) {
      WatchStream.Request watchRequest = watchRequest(call);
      execute(
          request,
          () -> {
            try {
              authorize(call);
            } catch (ApiException e) {
              respond(request, ApiResponse.error(e));
              return;
            }
            new WatchStream(
                    objects,
                    tables,
                    watchEvents,
                    vertx,
                    watchRequest,
                    new HttpWatchSink(request.response()))
                .start();
          });
      return;
    }
    boolean podLog = route != null && method.equals("GET") && route.subresource().equals("log");
    request
        .body()
        .onFailure(
            e -> log.debug("request body not read path={}: {}", request.path(), e.toString()))
        .onSuccess(
            body ->
                execute(
                    request,
                    podLog ? () -> serveLog(call) : () -> respond(request, answer(call, body))));
  }

  /** The answer to a non-watch, non-log request (on a worker thread). */
  private ApiResponse answer(Call call, Buffer body) {
    try {
      return serve(call, bytes(body));
    } catch (ApiException e) {
      return ApiResponse.error(e);
    } catch (RuntimeException e) {
      log.error("request failed method={} path={}", call.method(), call.request().path(), e);
      return ApiResponse.error(ApiErrors.internal("unexpected server error"));
    }
  }

  /**
   * Serves {@code pods/log} on a worker thread: failures found before the stream starts are Status
   * answers; once it has started, a failure ends it.
   */
  private void serveLog(Call call) {
    HttpServerRequest request = call.request();
    PodLogs.Request logRequest;
    try {
      authorize(call);
      logRequest = podLogs.prepare(call.route(), call.query());
    } catch (ApiException e) {
      respond(request, ApiResponse.error(e));
      return;
    }
    HttpPodLogOutput output = null;
    try {
      output = HttpPodLogOutput.start(request.response());
      podLogs.stream(logRequest, output);
    } catch (java.io.IOException e) {
      log.debug("log stream ended path={}: {}", request.path(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("log stream failed path={}", request.path(), e);
    } finally {
      if (output != null) {
        output.end();
      } else {
        respond(request, ApiResponse.error(ApiErrors.internal("the log stream did not start")));
      }
    }
  }

  /** Serves a non-watch request on a worker thread. */
  private ApiResponse serve(Call call, byte[] body) {
    UserInfo user = authorize(call);
    if (call.route() == null) {
      return discovery(call.request(), call.path());
    }
    return endpoint.handle(
        call.method(),
        call.route(),
        call.query(),
        call.request().getHeader("Accept"),
        call.request().getHeader("Content-Type"),
        body,
        user,
        call.request().getHeader("User-Agent"));
  }

  /**
   * Applies impersonation and authorizes the call as kube-apiserver does.
   *
   * @return the user the request acts as
   * @throws ApiException 403 if it may not, 500 for malformed impersonation headers
   */
  private UserInfo authorize(Call call) {
    HttpServerRequest request = call.request();
    Map<String, List<String>> headers = new HashMap<>();
    request
        .headers()
        .forEach(
            h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
    UserInfo user = call.authenticated();
    switch (Impersonation.resolve(user, headers, authorizer)) {
      case Impersonation.Outcome.NotRequested none -> {}
      case Impersonation.Outcome.Impersonating impersonating -> user = impersonating.user();
      case Impersonation.Outcome.Forbidden forbidden ->
          throw ApiException.fromStatus(forbidden.status());
      case Impersonation.Outcome.Malformed malformed ->
          throw ApiErrors.internal(malformed.message());
    }
    RequestAttributes attributes =
        RequestAttributes.fromHttp(
            user, call.method(), "/" + String.join("/", call.path().segments()), request.query());
    Decision decision = authorizer.authorize(attributes);
    if (!decision.allowed()) {
      throw ApiException.fromStatus(ForbiddenStatus.status(attributes, decision));
    }
    return user;
  }

  /** The resource a path addresses, or null for discovery, version and OpenAPI paths. */
  private ResourceRoute resourceRoute(ApiPath path) {
    if (path.size() == 0) {
      return null;
    }
    String first = path.get(0);
    if (first.equals("api") && path.size() > 2) {
      return ResourceRoute.resolve(registry, "", path.get(1), path.tail(2));
    }
    if (first.equals("apis") && path.size() > 3) {
      return ResourceRoute.resolve(registry, path.get(1), path.get(2), path.tail(3));
    }
    if (List.of("api", "apis", "version", "openapi").contains(first)) {
      return null;
    }
    throw ApiErrors.pathNotFound();
  }

  /** The answer to a discovery, version or OpenAPI path. */
  private ApiResponse discovery(HttpServerRequest request, ApiPath path) {
    String accept = request.getHeader("Accept");
    if (path.size() == 0) {
      return ApiResponse.json(200, rootPaths());
    }
    return switch (path.get(0)) {
      case "version" -> ApiResponse.json(200, VersionInfo.json());
      case "openapi" -> openApi(path);
      case "api" -> {
        if (path.size() == 1) {
          yield AggregatedDiscovery.requested(accept)
              ? ApiResponse.json(
                  200,
                  AggregatedDiscovery.CONTENT_TYPE,
                  AggregatedDiscovery.groupList(registry, true))
              : ApiResponse.json(200, LegacyDiscovery.apiVersions(serverAddress));
        }
        yield found(LegacyDiscovery.resourceList(registry, new GroupVersion("", path.get(1))));
      }
      case "apis" -> {
        if (path.size() == 1) {
          yield AggregatedDiscovery.requested(accept)
              ? ApiResponse.json(
                  200,
                  AggregatedDiscovery.CONTENT_TYPE,
                  AggregatedDiscovery.groupList(registry, false))
              : ApiResponse.json(200, LegacyDiscovery.groupList(registry));
        }
        if (path.size() == 2) {
          yield found(LegacyDiscovery.group(registry, path.get(1)));
        }
        yield found(
            LegacyDiscovery.resourceList(registry, new GroupVersion(path.get(1), path.get(2))));
      }
      default -> throw ApiErrors.pathNotFound();
    };
  }

  private ApiResponse openApi(ApiPath path) {
    if (path.size() >= 2 && path.get(1).equals("v3")) {
      if (path.size() == 2) {
        return ApiResponse.json(200, OpenApiV3.index(registry));
      }
      List<String> rest = path.tail(2);
      if (rest.size() == 2 && rest.get(0).equals("api")) {
        return found(OpenApiV3.document(registry, new GroupVersion("", rest.get(1))));
      }
      if (rest.size() == 3 && rest.get(0).equals("apis")) {
        return found(OpenApiV3.document(registry, new GroupVersion(rest.get(1), rest.get(2))));
      }
    }
    // /openapi/v2 is protobuf-only for kubectl; a 404 makes it fall back to compiled-in types.
    throw ApiErrors.pathNotFound();
  }

  private static ApiResponse found(ObjectNode body) {
    if (body == null) {
      throw ApiErrors.pathNotFound();
    }
    return ApiResponse.json(200, body);
  }

  private ObjectNode rootPaths() {
    ObjectNode root = Json.NODES.objectNode();
    var paths = root.putArray("paths");
    paths.add("/api");
    paths.add("/api/v1");
    paths.add("/apis");
    for (String group : registry.groups()) {
      if (group.isEmpty()) {
        continue;
      }
      paths.add("/apis/" + group);
      registry.versions(group).forEach(gv -> paths.add("/apis/" + gv));
    }
    for (String fixed : List.of("/healthz", "/livez", "/openapi/v3", "/readyz", "/version")) {
      paths.add(fixed);
    }
    return root;
  }

  // ---- watches ----

  private WatchStream.Request watchRequest(Call call) {
    ResourceRoute route = call.route();
    Map<String, String> query = call.query();
    boolean table = ResourceEndpoint.wantsTable(call.request().getHeader("Accept"));
    TableOptions tableOptions = Tables.options(query);
    long timeoutSeconds =
        Query.number(
            query,
            "timeoutSeconds",
            1800 + ThreadLocalRandom.current().nextLong(1800)); // Kubernetes: 30 to 60 minutes
    return new WatchStream.Request(
        route.type(),
        route.namespace(),
        ResourceEndpoint.listOptions(route.type(), query),
        query.get("resourceVersion"),
        Duration.ofSeconds(timeoutSeconds),
        Query.bool(query, "allowWatchBookmarks"),
        bookmarkInterval,
        table ? tableOptions : null);
  }

  /** Authorizes and runs a WebSocket watch; a denial is sent as an ERROR event. */
  private void runWatch(Call call, WatchStream.Request watchRequest, WatchSink sink) {
    try {
      workers.execute(
          () -> {
            try {
              authorize(call);
            } catch (ApiException e) {
              ObjectNode event = Json.NODES.objectNode().put("type", "ERROR");
              event.set("object", StatusObjects.failure(e));
              sink.send(EncodedEvent.of(event));
              sink.end();
              return;
            }
            new WatchStream(objects, tables, watchEvents, vertx, watchRequest, sink).start();
          });
    } catch (RejectedExecutionException e) {
      sink.end(); // shutting down
    }
  }

  // ---- plumbing ----

  private void execute(HttpServerRequest request, Runnable task) {
    try {
      workers.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.error("request failed method={} path={}", request.method(), request.path(), e);
              respond(request, ApiResponse.error(ApiErrors.internal("unexpected server error")));
            }
          });
    } catch (RejectedExecutionException e) {
      respond(
          request,
          ApiResponse.error(
              new ApiException(
                  503,
                  "ServiceUnavailable",
                  "the server is shutting down",
                  ApiException.Details.NONE)));
    }
  }

  private static void respond(HttpServerRequest request, ApiResponse answer) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed() || response.headWritten()) {
      return;
    }
    response.setStatusCode(answer.status());
    response.putHeader("Content-Type", answer.contentType());
    response.putHeader("Cache-Control", "no-cache, private");
    for (String warning : answer.warnings()) {
      response.headers().add("Warning", "299 - " + GoQuote.quote(warning));
    }
    response.end(Buffer.buffer(answer.body()));
  }

  private static Map<String, String> query(HttpServerRequest request) {
    Map<String, String> query = new HashMap<>();
    request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
    return query;
  }

  private static byte[] bytes(Buffer body) {
    return body == null ? new byte[0] : body.getBytes();
  }

  private static long parseLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
