package dev.tributary.adapters.ping;

import dev.tributary.api.sources.ping.PingSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Deterministic ids for PingSource events: a Tributary departure from Knative, which sends a random
 * UUIDv4 on every tick. See {@code docs/ping-event-ids.md}.
 *
 * <p>The id of the tick scheduled at {@code t} of a source is the version-5 (SHA-1, name-based)
 * UUID, in {@link #NAMESPACE}, of the text {@code <identity>/<t>}, where:
 *
 * <ul>
 *   <li>{@code <identity>} is the source's {@code metadata.uid}; when the uid is empty (a source
 *       built in a test, or not read from an API server) it is {@code <namespace>/<name>}. A uid
 *       never contains {@code /}, so the two forms never produce the same text.
 *   <li>{@code <t>} is the scheduled time in UTC as RFC 3339, written by {@link
 *       DateTimeFormatter#ISO_INSTANT}: {@code 2024-03-10T10:16:00Z}. Cron ticks fall on whole
 *       seconds, so there is no fraction.
 * </ul>
 *
 * <p>So every replica, a restarted adapter and every retry of a send give the same tick the same
 * id; a source deleted and re-created under the same name gets a new uid, so new ids. Stateless and
 * thread-safe.
 */
public final class PingEventIds {

  /**
   * The namespace of every PingSource event id: a random UUID chosen once for this purpose. It must
   * never change, or ids change with it.
   */
  public static final UUID NAMESPACE = UUID.fromString("723b4465-5deb-4ff6-bc48-13a74f87cc61");

  private PingEventIds() {}

  /** The {@code <identity>} of {@code source}: its uid, or {@code namespace/name} without one. */
  public static String identity(PingSource source) {
    ObjectMeta meta = source.getMetadata();
    String uid = meta.getUid();
    if (uid != null && !uid.isEmpty()) {
      return uid;
    }
    return meta.getNamespace() + "/" + meta.getName();
  }

  /** The text hashed for the tick of {@code identity} scheduled at {@code scheduledTime}. */
  public static String name(String identity, Instant scheduledTime) {
    return identity + "/" + DateTimeFormatter.ISO_INSTANT.format(scheduledTime);
  }

  /** The event id of the tick of {@code identity} scheduled at {@code scheduledTime}. */
  public static UUID id(String identity, Instant scheduledTime) {
    return NameBasedUuid.v5(NAMESPACE, name(identity, scheduledTime));
  }
}
