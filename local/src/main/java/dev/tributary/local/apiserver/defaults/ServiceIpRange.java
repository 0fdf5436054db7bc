package dev.tributary.local.apiserver.defaults;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An IPv4 CIDR block Service cluster IPs are allocated from. Its network and broadcast addresses
 * are never handed out.
 *
 * @param network the block's first address, as an unsigned 32-bit value
 * @param prefix the prefix length, 8 to 30
 */
public record ServiceIpRange(long network, int prefix) {

  /**
   * The local cluster's default: loopback, because services are reached in-process on loopback
   * addresses, not through a cluster network (see docs/local-cluster.md).
   */
  public static final String LOOPBACK_DEFAULT = "127.96.0.0/16";

  /**
   * The block {@code tributary up} on {@code dataDir} allocates from: a {@code /24} of {@link
   * #LOOPBACK_DEFAULT} chosen by the directory's path, so that two local clusters on one machine (a
   * user's and a test's) do not both give their first Service 127.96.1.1 and fight over its ports
   * (the second cannot listen, and its name would lead into the other cluster). The same directory
   * always gets the same block; Services stored with an IP from elsewhere keep it.
   */
  public static ServiceIpRange forDataDir(Path dataDir) {
    int third = 1 + Math.floorMod(dataDir.toAbsolutePath().normalize().toString().hashCode(), 254);
    return new ServiceIpRange((127L << 24) | (96L << 16) | ((long) third << 8), 24);
  }

  public ServiceIpRange {
    if (prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("service IP range prefix must be 8 to 30: /" + prefix);
    }
    if ((network & ~mask(prefix)) != 0) {
      throw new IllegalArgumentException(
          "service IP range is not a network address: " + format(network) + "/" + prefix);
    }
  }

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException if it is not an IPv4 CIDR block
   */
  public static ServiceIpRange parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("service IP range is not a CIDR block: " + cidr);
    }
    long address =
        parseAddress(cidr.substring(0, slash))
            .orElseThrow(
                () -> new IllegalArgumentException("service IP range is not IPv4: " + cidr));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("service IP range has no prefix length: " + cidr, e);
    }
    return new ServiceIpRange(address, prefix);
  }

  /** How many addresses the block holds, network and broadcast included. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** Whether {@code address} is in the block and may be handed out. */
  public boolean allocatable(long address) {
    return address > network && address < network + size() - 1;
  }

  /** The block as {@code a.b.c.d/n}. */
  @Override
  public String toString() {
    return format(network) + "/" + prefix;
  }

  /** A dotted-quad IPv4 address as an unsigned 32-bit value; empty if it is not one. */
  public static Optional<Long> parseAddress(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      if (part.length() > 1 && part.startsWith("0")) {
        return Optional.empty(); // Go's net.ParseIP rejects leading zeros
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
    }
    return Optional.of(value);
  }

  /** {@code address} in dotted-quad form. */
  public static String format(long address) {
    return ((address >> 24) & 0xff)
        + "."
        + ((address >> 16) & 0xff)
        + "."
        + ((address >> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  private static long mask(int prefix) {
    return (0xffffffffL << (32 - prefix)) & 0xffffffffL;
  }
}
