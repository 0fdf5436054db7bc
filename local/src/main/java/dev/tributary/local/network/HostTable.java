package dev.tributary.local.network;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Resolves some host names to addresses. Called from any thread, including inside {@link
 * InetAddress} lookups: must not block and must not itself resolve names.
 */
@FunctionalInterface
public interface HostTable {

  /** The address for {@code host}, or empty when this table does not know it. */
  Optional<InetAddress> lookup(String host);
}
