package dev.tributary.local.apiserver;

import dev.tributary.local.apiserver.admission.AdmissionChain;
import dev.tributary.local.apiserver.admission.AdmissionServices;
import dev.tributary.local.apiserver.authz.RbacBootstrap;
import dev.tributary.local.apiserver.authz.RbacObjectRules;
import dev.tributary.local.apiserver.authz.StoreRbacObjects;
import dev.tributary.local.apiserver.crd.CustomResourceDefinitions;
import dev.tributary.local.apiserver.defaults.BuiltinDefaults;
import dev.tributary.local.apiserver.defaults.ServiceClusterIps;
import dev.tributary.local.apiserver.gc.GarbageCollector;
import dev.tributary.local.apiserver.http.AccessReviewEndpoint;
import dev.tributary.local.apiserver.http.PodLogs;
import dev.tributary.local.apiserver.http.RequestHandler;
import dev.tributary.local.apiserver.http.ResourceEndpoint;
import dev.tributary.local.apiserver.http.Tables;
import dev.tributary.local.apiserver.rbac.AccessReviews;
import dev.tributary.local.apiserver.rbac.Authorizer;
import dev.tributary.local.apiserver.rbac.RbacAuthorizer;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.rest.NamespaceLifecycle;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.apiserver.table.TableRenderer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cluster's Kubernetes API server: HTTPS with bearer-token authentication, discovery,
 * OpenAPI, CRUD, watches and CustomResourceDefinitions over a {@link
 * dev.tributary.local.store.Store}.
 *
 * <p>{@link #start} bootstraps the store (initial namespaces and their default ServiceAccounts,
 * served CRDs) and then listens. Request work that touches the store runs on virtual threads owned
 * by the server; the event loop only parses, authenticates and writes. {@link #close()} stops
 * listening, ends open watches and stops the workers; the store stays open (its owner closes it).
 */
public final class ApiServer {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final HttpServer server;
  private final ExecutorService workers;
  private final ResourceRegistry registry;
  private final ObjectService objects;
  private final AdmissionChain admission;
  private final GarbageCollector collector;

  private ApiServer(
      HttpServer server,
      ExecutorService workers,
      ResourceRegistry registry,
      ObjectService objects,
      AdmissionChain admission,
      GarbageCollector collector) {
    this.server = server;
    this.workers = workers;
    this.registry = registry;
    this.objects = objects;
    this.admission = admission;
    this.collector = collector;
  }

  /**
   * Bootstraps and starts a server.
   *
   * @return the running server, or a failure if bootstrapping or binding failed (then nothing is
   *     left running)
   */
  public static Future<ApiServer> start(Vertx vertx, ApiServerConfig config) {
    ExecutorService workers =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("apiserver-worker-", 0).factory());
    ApiExtensions extensions = config.extensions();
    ResourceRegistry registry = new ResourceRegistry(BuiltinResources.all());
    ObjectService objects =
        new ObjectService(
            config.store(),
            config.clock(),
            extensions.converters(),
            extensions.schemas(),
            extensions.validator(),
            extensions.deletions(),
            extensions.patches());
    NamespaceLifecycle namespaces = new NamespaceLifecycle(objects, registry);
    objects.useNamespaces(namespaces);
    objects.addHooks(new BuiltinDefaults());
    objects.addHooks(
        ServiceClusterIps.over(config.serviceIpRange(), config.store(), config.clock()));
    CustomResourceDefinitions crds =
        new CustomResourceDefinitions(registry, config.store(), config.clock());
    objects.addHooks(crds);
    objects.addHooks(new RbacObjectRules());
    StoreRbacObjects rbacObjects = new StoreRbacObjects(config.store());
    objects.addHooks(rbacObjects);
    AdmissionChain admission =
        extensions.admission().build(new AdmissionServices(config.store(), config.clock()));
    objects.useAdmission(admission);
    GarbageCollector collector = new GarbageCollector(objects, registry);
    objects.addHooks(collector);
    Authorizer authorizer =
        extensions.authorizer() != null ? extensions.authorizer() : new RbacAuthorizer(rbacObjects);
    Tables tables =
        new Tables(
            extensions.tables() != null
                ? extensions.tables()
                : TableRenderer.create(config.clock()));
    RequestHandler handler =
        new RequestHandler(
            vertx,
            registry,
            objects,
            tables,
            new ResourceEndpoint(
                objects, tables, new AccessReviewEndpoint(new AccessReviews(authorizer))),
            new PodLogs(objects, extensions.podLogs(), config.clock()),
            config.authenticator(),
            authorizer,
            workers,
            config.bookmarkInterval());
    Promise<Void> bootstrapped = Promise.promise();
    workers.execute(
        () -> {
          try {
            crds.loadAll();
            admission.start();
            namespaces.bootstrap();
            new RbacBootstrap(objects, registry).ensureDefaultPolicy();
            collector.start();
            bootstrapped.complete();
          } catch (RuntimeException e) {
            bootstrapped.fail(e);
          }
        });
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setSsl(true)
            .setKeyCertOptions(config.certificate().keyCertOptions())
            .setCompressionSupported(false)
            .setMaxWebSocketFrameSize(16 * 1024 * 1024)
            .setMaxWebSocketMessageSize(16 * 1024 * 1024);
    // Listening (TLS set-up) and bootstrapping run side by side; the server is handed out, and
    // its port made known, only once both are done.
    Future<HttpServer> listening = vertx.createHttpServer(options).requestHandler(handler).listen();
    return Future.all(bootstrapped.future(), listening)
        .recover(
            e ->
                listening
                    .transform(
                        ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture())
                    .transform(ar -> Future.failedFuture(e)))
        .map(all -> listening.result())
        .map(
            server -> {
              handler.serverAddress(config.host() + ":" + server.actualPort());
              log.info("API server listening address={}:{}", config.host(), server.actualPort());
              return new ApiServer(server, workers, registry, objects, admission, collector);
            })
        .onFailure(
            e -> {
              collector.close();
              workers.shutdownNow();
              admission.close();
            });
  }

  /** The port the server listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The served resources. */
  public ResourceRegistry registry() {
    return registry;
  }

  /**
   * Stops listening, closes open connections (ending watches) and stops the worker threads, waiting
   * up to 5 s for running requests.
   */
  public Future<Void> close() {
    return server
        .close()
        .eventually(
            () -> {
              collector.close();
              workers.shutdown();
              try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                  workers.shutdownNow();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
              }
              admission.close();
              return Future.succeededFuture();
            });
  }

  ObjectService objects() {
    return objects;
  }
}
