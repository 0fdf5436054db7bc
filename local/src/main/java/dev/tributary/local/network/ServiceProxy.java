package dev.tributary.local.network;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-proxy does, for the local cluster: every TCP port of every Service with a selector and
 * a cluster IP is listened on at {@code clusterIP:port} while it has ready endpoints, and each
 * connection is forwarded to one of them, round-robin. With no ready endpoint nothing listens, so
 * clients get "connection refused" (kube-proxy's REJECT rule). It also keeps a {@link
 * ServiceNameTable} of every Service's cluster IP, for in-JVM name resolution.
 *
 * <p>Follows Services and Pods through fabric8 informers on all namespaces (not Endpoints, so it
 * does not depend on an endpoints controller). Every change recomputes the routes ({@link
 * ServiceRoutes}); bursts of changes are coalesced into one recomputation. Listener changes all run
 * on one Vert.x context.
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once; the caller owns the Vert.x instance and
 * the client. A listener that cannot bind (an address or port already taken, a privileged port
 * without the right to bind it) is logged with the Service's key and not retried until its route
 * goes away.
 */
public final class ServiceProxy {

  private static final Logger log = LoggerFactory.getLogger(ServiceProxy.class);

  private final KubernetesClient client;
  private final ServiceNameTable names;
  private final Context context;
  private final NetClient netClient;
  private final Vertx vertx;
  private final AtomicBoolean syncScheduled = new AtomicBoolean();
  private final Map<ServiceAddress, ProxyListener> listeners = new HashMap<>();
  private final Map<ServiceAddress, Future<Void>> closing = new ConcurrentHashMap<>();
  private SharedIndexInformer<Service> services;
  private SharedIndexInformer<Pod> pods;
  private volatile Map<ServiceAddress, ServiceRoute> routes = Map.of();
  private boolean closed;

  /**
   * @param names filled with every Service's cluster IP; register it with {@link
   *     ClusterHostTables#register} to make the names resolvable in this JVM
   */
  public ServiceProxy(Vertx vertx, KubernetesClient client, ServiceNameTable names) {
    this.vertx = vertx;
    this.client = client;
    this.names = names;
    this.context = vertx.getOrCreateContext();
    this.netClient = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
  }

  /**
   * Starts the informers; completes once both have synced and the first routes are listened on
   * (binding failures are logged, not failed).
   */
  public Future<Void> start() {
    ResourceEventHandler<Object> changed =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Object object) {
            scheduleSync();
          }

          @Override
          public void onUpdate(Object before, Object after) {
            scheduleSync();
          }

          @Override
          public void onDelete(Object object, boolean finalStateUnknown) {
            scheduleSync();
          }
        };
    services = client.services().inAnyNamespace().runnableInformer(0);
    pods = client.pods().inAnyNamespace().runnableInformer(0);
    services.addEventHandler(cast(changed));
    pods.addEventHandler(cast(changed));
    Future<Void> servicesSynced = Future.fromCompletionStage(services.start(), context);
    Future<Void> podsSynced = Future.fromCompletionStage(pods.start(), context);
    return Future.all(servicesSynced, podsSynced).compose(v -> onContext(this::sync));
  }

  /** The routes as last computed: every Service address and its ready endpoints. */
  public Map<ServiceAddress, ServiceRoute> routes() {
    return routes;
  }

  /** Stops the informers and every listener; existing forwarded connections are closed too. */
  public Future<Void> close() {
    return onContext(
        () -> {
          closed = true;
          if (services != null) {
            services.close();
          }
          if (pods != null) {
            pods.close();
          }
          List<Future<Void>> all = new ArrayList<>();
          listeners.values().forEach(l -> all.add(l.close()));
          listeners.clear();
          all.addAll(closing.values());
          return Future.join(all).transform(ignored -> netClient.close());
        });
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> handler) {
    return (ResourceEventHandler<T>) handler;
  }

  private void scheduleSync() {
    if (syncScheduled.compareAndSet(false, true)) {
      context.runOnContext(
          v -> {
            syncScheduled.set(false);
            sync();
          });
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** Recomputes the routes and brings listeners and names in line. Runs on {@link #context}. */
  private Future<Void> sync() {
    if (closed) {
      return Future.succeededFuture();
    }
    List<Service> serviceList = services.getStore().list();
    Map<ServiceAddress, ServiceRoute> desired =
        ServiceRoutes.compute(serviceList, pods.getStore().list());
    routes = Map.copyOf(desired);
    names.replaceAll(clusterIps(serviceList));

    for (var it = listeners.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      ServiceRoute route = desired.get(entry.getKey());
      if (route == null || route.endpoints().isEmpty()) {
        it.remove();
        closeListener(entry.getKey(), entry.getValue());
      }
    }
    List<Future<Void>> binds = new ArrayList<>();
    desired.forEach(
        (address, route) -> {
          if (route.endpoints().isEmpty()) {
            return;
          }
          ProxyListener existing = listeners.get(address);
          if (existing != null) {
            existing.update(route);
            return;
          }
          ProxyListener listener = new ProxyListener(vertx, netClient, address, route);
          listeners.put(address, listener);
          Future<Void> previous = closing.getOrDefault(address, Future.succeededFuture());
          binds.add(
              previous
                  .transform(ignored -> listener.listen())
                  .onSuccess(
                      v ->
                          log.info(
                              "service proxy listening service={} address={}",
                              route.service(),
                              address))
                  .recover(
                      failure -> {
                        log.error(
                            "service proxy cannot listen service={} address={}: {}",
                            route.service(),
                            address,
                            failure.toString());
                        return Future.succeededFuture();
                      }));
        });
    return Future.join(binds).mapEmpty();
  }

  private void closeListener(ServiceAddress address, ProxyListener listener) {
    Future<Void> done =
        listener
            .close()
            .onFailure(
                failure ->
                    log.warn(
                        "service proxy close failed service={} address={}: {}",
                        listener.route().service(),
                        address,
                        failure.toString()))
            .transform(ignored -> Future.<Void>succeededFuture());
    closing.put(address, done);
    done.onComplete(
        ignored -> {
          if (closing.get(address) == done) {
            closing.remove(address);
          }
        });
  }

  private static Map<ServiceName, String> clusterIps(List<Service> services) {
    Map<ServiceName, String> ips = new LinkedHashMap<>();
    for (Service service : services) {
      String ip = ServiceRoutes.clusterIp(service);
      if (ip != null) {
        try {
          IpLiterals.ipv4(ip);
        } catch (IllegalArgumentException notIpv4) {
          continue;
        }
        ips.put(
            new ServiceName(service.getMetadata().getNamespace(), service.getMetadata().getName()),
            ip);
      }
    }
    return ips;
  }
}
