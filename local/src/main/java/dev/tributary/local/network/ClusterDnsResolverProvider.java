package dev.tributary.local.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes {@link InetAddress} (and so {@code java.net.http}, {@code HttpURLConnection}, fabric8 and
 * Vert.x when it uses the JDK resolver) resolve cluster names registered in {@link
 * ClusterHostTables} before asking the system resolver. Registered in {@code
 * META-INF/services/java.net.spi.InetAddressResolverProvider}; the JDK picks it on the first lookup
 * in the JVM.
 *
 * <p>The JDK's address cache still applies ({@code networkaddress.cache.ttl}, 30 s; {@code
 * networkaddress.cache.negative.ttl}, 10 s): a name looked up before its Service exists stays
 * unknown for up to 10 s.
 */
public final class ClusterDnsResolverProvider extends InetAddressResolverProvider {

  @Override
  public InetAddressResolver get(Configuration configuration) {
    return new Resolver(configuration.builtinResolver());
  }

  @Override
  public String name() {
    return "tributary-cluster-dns";
  }

  private record Resolver(InetAddressResolver system) implements InetAddressResolver {

    @Override
    public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
        throws UnknownHostException {
      Optional<InetAddress> cluster = ClusterHostTables.lookup(host);
      if (cluster.isPresent()) {
        if ((policy.characteristics() & LookupPolicy.IPV4) == 0) {
          throw new UnknownHostException(host + ": cluster names have IPv4 addresses only");
        }
        return Stream.of(cluster.get());
      }
      return system.lookupByName(host, policy);
    }

    @Override
    public String lookupByAddress(byte[] address) throws UnknownHostException {
      return system.lookupByAddress(address);
    }
  }
}
