package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.auth.Authorizer;
import dev.tributary.local.apiserver.auth.ForbiddenMessages;
import dev.tributary.local.apiserver.auth.RequestAttributes;
import dev.tributary.local.apiserver.discovery.AggregatedDiscovery;
import dev.tributary.local.apiserver.discovery.LegacyDiscovery;
import dev.tributary.local.apiserver.discovery.OpenApiV3;
import dev.tributary.local.apiserver.discovery.VersionInfo;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.StatusObjects;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.apiserver.rest.TableConverter;
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
 * Every HTTP request of the API server: health checks without credentials; then bearer-token
 * authentication (401), discovery and OpenAPI answered on the event loop, and resource requests
 * authorized (403) and served on worker threads, watches as streams (chunked HTTP or WebSocket).
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
  private final TableConverter tables;
  private final TokenAuthenticator authenticator;
  private final Authorizer authorizer;
  private final ExecutorService workers;
  private final Duration bookmarkInterval;
  private volatile String serverAddress = "127.0.0.1:6443";

  public RequestHandler(
      Vertx vertx,
      ResourceRegistry registry,
      ObjectService objects,
      TableConverter tables,
      TokenAuthenticator authenticator,
      Authorizer authorizer,
      ExecutorService workers,
      Duration bookmarkInterval) {
    this.vertx = vertx;
    this.registry = registry;
    this.objects = objects;
    this.tables = tables;
    this.endpoint = new ResourceEndpoint(objects, tables);
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
    ApiResponse discovery = discovery(request, path);
    if (discovery != null) {
      respond(request, discovery);
      return;
    }
    GroupVersion groupVersion = resourceGroupVersion(path);
    int restFrom = groupVersion.group().isEmpty() ? 2 : 3;
    ResourceRoute route =
        ResourceRoute.resolve(
            registry, groupVersion.group(), groupVersion.version(), path.tail(restFrom));
    Map<String, String> query = query(request);
    String method = request.method().name();
    boolean watch = method.equals("GET") && Query.bool(query, "watch");
    if (watch && (!route.collection() || !route.subresource().isEmpty())) {
      throw ApiErrors.methodNotAllowed(); // watch a single object with a metadata.name selector
    }
    String verb = ResourceEndpoint.verb(method, route, watch);
    RequestAttributes attributes =
        new RequestAttributes(
            user.get(),
            verb,
            true,
            route.type().group(),
            route.type().version(),
            route.type().plural(),
            route.subresource(),
            route.namespace() == null ? "" : route.namespace(),
            route.name() == null ? "" : route.name(),
            request.path());
    if (watch) {
      startWatch(request, route, query, attributes);
      return;
    }
    String lengthHeader = request.getHeader("Content-Length");
    if (lengthHeader != null && parseLength(lengthHeader) > MAX_BODY_BYTES) {
      throw ApiErrors.requestEntityTooLarge(MAX_BODY_BYTES);
    }
    String accept = request.getHeader("Accept");
    String contentType = request.getHeader("Content-Type");
    request
        .body()
        .onFailure(
            e -> log.debug("request body not read path={}: {}", request.path(), e.toString()))
        .onSuccess(
            body ->
                submit(
                    request,
                    () -> {
                      authorize(attributes);
                      return endpoint.handle(
                          method, route, query, accept, contentType, bytes(body));
                    }));
  }

  /** The answer to a discovery, version or OpenAPI path, or null for a resource path. */
  private ApiResponse discovery(HttpServerRequest request, ApiPath path) {
    String accept = request.getHeader("Accept");
    if (path.size() == 0) {
      return ApiResponse.json(200, rootPaths());
    }
    String first = path.get(0);
    switch (first) {
      case "version" -> {
        return ApiResponse.json(200, VersionInfo.json());
      }
      case "openapi" -> {
        return openApi(path);
      }
      case "api" -> {
        if (path.size() == 1) {
          return AggregatedDiscovery.requested(accept)
              ? ApiResponse.json(
                  200,
                  AggregatedDiscovery.CONTENT_TYPE,
                  AggregatedDiscovery.groupList(registry, true))
              : ApiResponse.json(200, LegacyDiscovery.apiVersions(serverAddress));
        }
        if (path.size() == 2) {
          return found(LegacyDiscovery.resourceList(registry, new GroupVersion("", path.get(1))));
        }
        return null;
      }
      case "apis" -> {
        if (path.size() == 1) {
          return AggregatedDiscovery.requested(accept)
              ? ApiResponse.json(
                  200,
                  AggregatedDiscovery.CONTENT_TYPE,
                  AggregatedDiscovery.groupList(registry, false))
              : ApiResponse.json(200, LegacyDiscovery.groupList(registry));
        }
        if (path.size() == 2) {
          return found(LegacyDiscovery.group(registry, path.get(1)));
        }
        if (path.size() == 3) {
          return found(
              LegacyDiscovery.resourceList(registry, new GroupVersion(path.get(1), path.get(2))));
        }
        return null;
      }
      default -> throw ApiErrors.pathNotFound();
    }
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

  /** The group-version of a resource path ({@code /api/v1/...} or {@code /apis/G/V/...}). */
  private static GroupVersion resourceGroupVersion(ApiPath path) {
    if (path.get(0).equals("api") && path.size() > 2) {
      return new GroupVersion("", path.get(1));
    }
    if (path.get(0).equals("apis") && path.size() > 3) {
      return new GroupVersion(path.get(1), path.get(2));
    }
    throw ApiErrors.pathNotFound();
  }

  // ---- watches ----

  private void startWatch(
      HttpServerRequest request,
      ResourceRoute route,
      Map<String, String> query,
      RequestAttributes attributes) {
    boolean table = ResourceEndpoint.wantsTable(request.getHeader("Accept"));
    long timeoutSeconds =
        Query.number(
            query,
            "timeoutSeconds",
            1800 + ThreadLocalRandom.current().nextLong(1800)); // Kubernetes: 30 to 60 minutes
    WatchStream.Request watchRequest =
        new WatchStream.Request(
            route.type(),
            route.namespace(),
            ResourceEndpoint.listOptions(route.type(), query),
            query.get("resourceVersion"),
            Duration.ofSeconds(timeoutSeconds),
            Query.bool(query, "allowWatchBookmarks"),
            bookmarkInterval,
            table);
    if (request.canUpgradeToWebSocket()) {
      // fabric8 starts every watch with a WebSocket upgrade; serve it rather than make it retry.
      request
          .toWebSocket()
          .onFailure(
              e -> log.debug("websocket upgrade failed path={}: {}", request.path(), e.toString()))
          .onSuccess(socket -> runWatch(attributes, watchRequest, new WebSocketWatchSink(socket)));
      return;
    }
    execute(
        request,
        () -> {
          try {
            authorize(attributes);
          } catch (ApiException e) {
            respond(request, ApiResponse.error(e));
            return;
          }
          WatchSink sink = new HttpWatchSink(request.response());
          new WatchStream(objects, tables, vertx, watchRequest, sink).start();
        });
  }

  private void runWatch(
      RequestAttributes attributes, WatchStream.Request watchRequest, WatchSink sink) {
    try {
      workers.execute(
          () -> {
            try {
              authorize(attributes);
            } catch (ApiException e) {
              ObjectNode event = Json.NODES.objectNode().put("type", "ERROR");
              event.set("object", StatusObjects.failure(e));
              sink.send(Json.string(event));
              sink.end();
              return;
            }
            new WatchStream(objects, tables, vertx, watchRequest, sink).start();
          });
    } catch (RejectedExecutionException e) {
      sink.end(); // shutting down
    }
  }

  // ---- plumbing ----

  private void authorize(RequestAttributes attributes) {
    Authorizer.Decision decision = authorizer.authorize(attributes);
    if (!decision.allowed()) {
      throw ForbiddenMessages.forbidden(attributes, decision.reason());
    }
  }

  private interface Work {
    ApiResponse run();
  }

  private void submit(HttpServerRequest request, Work work) {
    execute(
        request,
        () -> {
          ApiResponse response;
          try {
            response = work.run();
          } catch (ApiException e) {
            response = ApiResponse.error(e);
          } catch (RuntimeException e) {
            log.error("request failed method={} path={}", request.method(), request.path(), e);
            response = ApiResponse.error(ApiErrors.internal("unexpected server error"));
          }
          respond(request, response);
        });
  }

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
