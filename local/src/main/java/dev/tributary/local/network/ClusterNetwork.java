package dev.tributary.local.network;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The local cluster's Service network in one piece: the {@link ServiceProxy} over the API server,
 * its {@link ServiceNameTable} registered for JVM-wide name resolution, and the {@link
 * HostEnvRewriter} the kubelet applies to host processes' env.
 *
 * <p>For in-JVM Vert.x clients to see the names, their Vert.x instance must use the JDK resolver
 * ({@code -Dvertx.disableDnsResolver=true} when it is created; see docs/local-cluster.md).
 *
 * <p>Lifecycle: {@link #start} once, then {@link #close}; the caller owns the Vert.x instance and
 * the client.
 */
public final class ClusterNetwork {

  private final ServiceNameTable names;
  private final ServiceProxy proxy;
  private final HostEnvRewriter hostEnv;
  private ClusterHostTables.Registration registration;

  /**
   * @param names the table to fill; create it first when the API server needs a {@link
   *     ClusterIpServiceResolver} over it
   */
  public ClusterNetwork(Vertx vertx, KubernetesClient client, ServiceNameTable names) {
    this.names = names;
    this.proxy = new ServiceProxy(vertx, client, names);
    this.hostEnv =
        new HostEnvRewriter(
            names.domain(),
            (namespace, name) -> names.clusterIp(namespace, name).map(ip -> ip.getHostAddress()));
  }

  /** Registers the names and starts the proxy; completes when the first routes are listened on. */
  public Future<Void> start() {
    registration = ClusterHostTables.register(names);
    return proxy.start();
  }

  public ServiceNameTable names() {
    return names;
  }

  public ServiceProxy proxy() {
    return proxy;
  }

  /** Rewrites cluster names in a host process's env to cluster IPs. */
  public HostEnvRewriter hostEnvRewriter() {
    return hostEnv;
  }

  /** Unregisters the names and stops the proxy. */
  public Future<Void> close() {
    if (registration != null) {
      registration.close();
    }
    return proxy.close();
  }
}
