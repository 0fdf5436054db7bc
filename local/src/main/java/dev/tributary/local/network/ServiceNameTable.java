package dev.tributary.local.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster's Service names and their cluster IPs, kept up to date by the {@link ServiceProxy}. A
 * name with a namespace ({@code NAME.NS}, {@code NAME.NS.svc}, {@code NAME.NS.svc.DOMAIN}) resolves
 * to that Service's cluster IP. A bare {@code NAME} stands for "the Service of that name in the
 * caller's namespace", which a JVM-wide resolver cannot know: it resolves only when exactly one
 * namespace has a Service of that name (and never for {@code localhost}).
 *
 * <p>Thread-safe; lookups never block.
 */
public final class ServiceNameTable implements HostTable {

  private final String domain;
  private final Map<ServiceName, InetAddress> addresses = new ConcurrentHashMap<>();

  /**
   * @param domain the cluster domain, {@code cluster.local} unless configured otherwise
   */
  public ServiceNameTable(String domain) {
    this.domain = Objects.requireNonNull(domain, "domain");
  }

  public String domain() {
    return domain;
  }

  /**
   * Records (or replaces) a Service's cluster IP.
   *
   * @throws IllegalArgumentException if {@code clusterIp} is not an IP literal
   */
  public void put(String namespace, String name, String clusterIp) {
    addresses.put(new ServiceName(namespace, name), literal(clusterIp));
  }

  public void remove(String namespace, String name) {
    addresses.remove(new ServiceName(namespace, name));
  }

  /** Replaces every entry at once with {@code clusterIps} (keyed by namespace and name). */
  public void replaceAll(Map<ServiceName, String> clusterIps) {
    Map<ServiceName, InetAddress> next = new ConcurrentHashMap<>();
    clusterIps.forEach((name, ip) -> next.put(name, literal(ip)));
    addresses.keySet().retainAll(next.keySet());
    addresses.putAll(next);
  }

  /** The cluster IP of {@code namespace/name}, if such a Service is known. */
  public Optional<InetAddress> clusterIp(String namespace, String name) {
    return Optional.ofNullable(addresses.get(new ServiceName(namespace, name)));
  }

  @Override
  public Optional<InetAddress> lookup(String host) {
    Optional<ServiceName> parsed = ServiceName.parse(host, domain);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ServiceName name = parsed.get();
    if (name.namespace() != null) {
      return Optional.ofNullable(addresses.get(name)).map(address -> withHostName(host, address));
    }
    if ("localhost".equals(name.name())) {
      return Optional.empty();
    }
    InetAddress found = null;
    for (Map.Entry<ServiceName, InetAddress> entry : addresses.entrySet()) {
      if (entry.getKey().name().equals(name.name())) {
        if (found != null) {
          return Optional.empty();
        }
        found = entry.getValue();
      }
    }
    return Optional.ofNullable(found).map(address -> withHostName(host, address));
  }

  private static InetAddress withHostName(String host, InetAddress address) {
    try {
      return InetAddress.getByAddress(host, address.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("address of illegal length: " + address, e);
    }
  }

  private static InetAddress literal(String ip) {
    byte[] bytes = IpLiterals.ipv4(ip);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }
}
