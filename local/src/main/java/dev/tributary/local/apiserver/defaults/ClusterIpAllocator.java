package dev.tributary.local.apiserver.defaults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which cluster IPs of a {@link ServiceIpRange} are in use, and by which Service ({@code
 * namespace/name}).
 *
 * <p>An IP is <em>reserved</em> while a create or update is under way and <em>held</em> once the
 * Service is stored ({@link #confirm}); {@link #release} frees it when the Service goes. A
 * reservation that is never confirmed (the write failed, or was a dry run) lapses after {@link
 * #RESERVATION_TIMEOUT}; until then only the same Service may take it again, so a dry run followed
 * by the real create gets the same IP. The IPs held at start come from {@code existing}, read on
 * first use, so allocations survive a restart. Free IPs are handed out in turn from a rotating
 * cursor, so a released IP is reused as late as possible. Thread-safe (one lock).
 */
public final class ClusterIpAllocator {

  /** How long an unconfirmed reservation keeps its IP. */
  public static final Duration RESERVATION_TIMEOUT = Duration.ofMinutes(1);

  /** Why a requested IP cannot be had, with Kubernetes' wording. */
  public static final class UnavailableException extends Exception {
    UnavailableException(String message) {
      super(message);
    }
  }

  private record Holder(String owner, Instant reservedUntil) {
    boolean confirmed() {
      return reservedUntil == null;
    }
  }

  private final ServiceIpRange range;
  private final Clock clock;
  private final Supplier<Map<Long, String>> existing;
  private final Map<Long, Holder> holders = new HashMap<>();
  private boolean loaded;
  private long cursor;

  /**
   * @param existing the IPs held by stored Services and their owners; called once, on first use,
   *     under the lock
   */
  public ClusterIpAllocator(
      ServiceIpRange range, Clock clock, Supplier<Map<Long, String>> existing) {
    this.range = range;
    this.clock = clock;
    this.existing = existing;
    // Like kube-apiserver, dynamic allocation starts above a low band left for static requests
    // (one past it, so the first address handed out does not look like a network address).
    this.cursor = Math.min(Math.max(16, range.size() / 16), 256) + 1;
  }

  public ServiceIpRange range() {
    return range;
  }

  /**
   * Reserves a free IP for {@code owner} (its own unconfirmed reservation if it has one).
   *
   * @throws UnavailableException if the range is full
   */
  public synchronized long allocate(String owner) throws UnavailableException {
    load();
    Instant now = clock.instant();
    for (Map.Entry<Long, Holder> held : holders.entrySet()) {
      Holder holder = held.getValue();
      if (holder.owner().equals(owner)
          && !holder.confirmed()
          && now.isBefore(holder.reservedUntil())) {
        reserve(held.getKey(), owner, now);
        return held.getKey();
      }
    }
    long size = range.size();
    for (long step = 0; step < size; step++) {
      long offset = (cursor + step) % size;
      long address = range.network() + offset;
      if (range.allocatable(address) && isFree(address, owner, now)) {
        cursor = (offset + 1) % size;
        reserve(address, owner, now);
        return address;
      }
    }
    throw new UnavailableException("range is full");
  }

  /**
   * Reserves {@code address} for {@code owner}.
   *
   * @throws UnavailableException if it is outside the range or another Service has it
   */
  public synchronized void allocate(String owner, long address) throws UnavailableException {
    load();
    if (!range.allocatable(address)) {
      throw new UnavailableException(
          "the provided IP ("
              + ServiceIpRange.format(address)
              + ") is not in the valid range. The range of valid IPs is "
              + range);
    }
    Instant now = clock.instant();
    if (!isFree(address, owner, now)) {
      throw new UnavailableException("provided IP is already allocated");
    }
    reserve(address, owner, now);
  }

  /** Marks {@code owner}'s IPs as held by a stored Service. */
  public synchronized void confirm(String owner, Collection<Long> addresses) {
    load();
    for (long address : addresses) {
      if (range.allocatable(address)) {
        holders.put(address, new Holder(owner, null));
      }
    }
  }

  /** Frees those of {@code addresses} that {@code owner} holds. */
  public synchronized void release(String owner, Collection<Long> addresses) {
    load();
    for (long address : addresses) {
      Holder holder = holders.get(address);
      if (holder != null && holder.owner().equals(owner)) {
        holders.remove(address);
      }
    }
  }

  /** Whether {@code address} is held or reserved by anyone (for tests and diagnostics). */
  public synchronized boolean inUse(long address) {
    load();
    Holder holder = holders.get(address);
    return holder != null
        && (holder.confirmed() || clock.instant().isBefore(holder.reservedUntil()));
  }

  private boolean isFree(long address, String owner, Instant now) {
    Holder holder = holders.get(address);
    if (holder == null) {
      return true;
    }
    if (holder.owner().equals(owner) && !holder.confirmed()) {
      return true;
    }
    return !holder.confirmed() && !now.isBefore(holder.reservedUntil());
  }

  private void reserve(long address, String owner, Instant now) {
    holders.put(address, new Holder(owner, now.plus(RESERVATION_TIMEOUT)));
  }

  private void load() {
    if (!loaded) {
      existing.get().forEach((address, owner) -> holders.put(address, new Holder(owner, null)));
      loaded = true;
    }
  }
}
