package dev.tributary.local.network;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host tables the JVM-wide {@link ClusterDnsResolverProvider} consults, in registration order.
 *
 * <p>This is the network module's one piece of static state, and deliberately so: the JDK loads
 * {@link java.net.spi.InetAddressResolverProvider} once per JVM through {@link
 * java.util.ServiceLoader}, so there is no instance to hand a table to. A running local cluster
 * registers its {@link ServiceNameTable} here and closes the registration when it stops. With two
 * clusters in one JVM (tests), the first table that knows a name answers.
 */
public final class ClusterHostTables {

  private static final CopyOnWriteArrayList<HostTable> TABLES = new CopyOnWriteArrayList<>();

  private ClusterHostTables() {}

  /** Makes {@code table} answer JVM-wide lookups until the returned handle is closed. */
  public static Registration register(HostTable table) {
    Objects.requireNonNull(table, "table");
    TABLES.add(table);
    return () -> TABLES.remove(table);
  }

  static Optional<InetAddress> lookup(String host) {
    for (HostTable table : TABLES) {
      Optional<InetAddress> found = table.lookup(host);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Undoes a {@link #register}; idempotent. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
