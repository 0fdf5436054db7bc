package dev.tributary.local.kubelet;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands each pod its own loopback address, so many pods can listen on the same port. Addresses run
 * from 127.1.0.1 upwards through 127.255.255.254, skipping 127.0.0.0/16 (127.0.0.1 is the host's
 * own), the Service range 127.96.0.0/16, and host parts .0 and .255. An address is reused only
 * after its pod released it.
 *
 * <p>Nothing is persisted: after a restart the kubelet recomputes the allocation from the pods'
 * {@code status.podIP} ({@link #reserve}) before allocating anything new. Thread-safe.
 */
final class PodAddresses {

  private static final int FIRST = (127 << 24) | (1 << 16) | 1;
  private static final int LAST = (127 << 24) | (255 << 16) | (255 << 8) | 254;

  private final Map<Integer, String> owners = new HashMap<>(); // address -> pod uid
  private final Map<String, Integer> byPod = new HashMap<>();
  private int next;

  /** Addresses from 127.1.0.1 upwards. */
  PodAddresses() {
    this(FIRST);
  }

  private PodAddresses(int first) {
    this.next = first;
  }

  /**
   * Addresses starting at a point that depends on {@code dataDir}: two local clusters on one
   * machine (a user's and a test's, or two tests') then hand out different addresses, where
   * starting both at 127.1.0.1 would make their pods fight over the same address and port. The walk
   * still covers every usable address.
   */
  static PodAddresses forDataDir(java.nio.file.Path dataDir) {
    int second = 1 + Math.floorMod(dataDir.toAbsolutePath().normalize().toString().hashCode(), 254);
    if (second == 96) {
      second = 97; // the Service range
    }
    return new PodAddresses((127 << 24) | (second << 16) | 1);
  }

  /** The pod's address: the one it has, else a free one. */
  synchronized String allocate(String podUid) {
    Integer existing = byPod.get(podUid);
    if (existing != null) {
      return format(existing);
    }
    for (long tried = 0; tried <= (long) LAST - FIRST; tried++) {
      int candidate = next;
      next = next >= LAST ? FIRST : next + 1;
      if (usable(candidate) && !owners.containsKey(candidate)) {
        owners.put(candidate, podUid);
        byPod.put(podUid, candidate);
        return format(candidate);
      }
    }
    throw new IllegalStateException("no free pod address left");
  }

  /**
   * Records that the pod already has {@code address} (from its status, after a restart).
   *
   * @return false when the address is not a pod address or belongs to another pod
   */
  synchronized boolean reserve(String podUid, String address) {
    Optional<Integer> parsed = parse(address);
    if (parsed.isEmpty() || !usable(parsed.get())) {
      return false;
    }
    String owner = owners.get(parsed.get());
    if (owner != null && !owner.equals(podUid)) {
      return false;
    }
    owners.put(parsed.get(), podUid);
    byPod.put(podUid, parsed.get());
    return true;
  }

  /** Frees the pod's address. */
  synchronized void release(String podUid) {
    Integer address = byPod.remove(podUid);
    if (address != null) {
      owners.remove(address);
    }
  }

  static boolean usable(int address) {
    int second = (address >>> 16) & 0xff;
    int last = address & 0xff;
    return (address >>> 24) == 127 && second != 0 && second != 96 && last != 0 && last != 255;
  }

  static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  static Optional<Integer> parse(String address) {
    if (address == null) {
      return Optional.empty();
    }
    String[] parts = address.split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    int value = 0;
    for (String part : parts) {
      try {
        int octet = Integer.parseInt(part);
        if (octet < 0 || octet > 255) {
          return Optional.empty();
        }
        value = (value << 8) | octet;
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(value);
  }
}
