package dev.tributary.local.apiserver.watch;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The serialised form of recent watch events, shared by every watch that sends the same store event
 * as the same event type in the same version: with 100 watches on one resource, a write is
 * converted and serialised once instead of 100 times.
 *
 * <p>A fixed table of slots chosen by the key's hash; a newer event replaces whatever shared its
 * slot. Watches deliver the same write within moments of each other, so a small table catches
 * almost all of them; a miss only costs encoding the event again. Thread-safe without locks: two
 * watches that miss at once may both encode, and either result is kept.
 */
public final class EncodedEvents {

  private static final int SLOTS = 256; // a power of two

  /**
   * What decides an event's bytes.
   *
   * @param revision the store write's revision (one object, one state)
   * @param type the watch event type sent, which a selective watch may change (ADDED, DELETED)
   * @param apiVersion the version the object is served in
   * @param kind the served kind
   */
  public record Key(long revision, String type, String apiVersion, String kind) {}

  private record Entry(Key key, EncodedEvent event) {}

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

  /**
   * The encoded event for {@code key}: a shared one, or the result of {@code encode}, which is then
   * shared. Exceptions from {@code encode} reach the caller and nothing is kept.
   */
  public EncodedEvent get(Key key, Supplier<EncodedEvent> encode) {
    int slot = spread(key.hashCode()) & (SLOTS - 1);
    Entry entry = slots.get(slot);
    if (entry != null && entry.key().equals(key)) {
      return entry.event();
    }
    EncodedEvent event = encode.get();
    slots.set(slot, new Entry(key, event));
    return event;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
