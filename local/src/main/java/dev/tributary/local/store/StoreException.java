package dev.tributary.local.store;

/**
 * The typed outcomes of a {@link Store} call that did not succeed. Unchecked, so that the API
 * server can map them to Kubernetes {@code Status} answers in one place: {@link NotFound} → 404,
 * {@link AlreadyExists} → 409 AlreadyExists, {@link Conflict} → 409 Conflict, {@link Expired} → 410
 * Expired, {@link Failure} → 500. The messages are for logs; the API server writes the Kubernetes
 * wording itself (it knows the resource's group and kind).
 */
public abstract sealed class StoreException extends RuntimeException {

  private StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No object is stored under the key. */
  public static final class NotFound extends StoreException {
    private final ObjectKey key;

    public NotFound(ObjectKey key) {
      super(key + " not found", null);
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** A create found an object already stored under the key. */
  public static final class AlreadyExists extends StoreException {
    private final ObjectKey key;

    public AlreadyExists(ObjectKey key) {
      super(key + " already exists", null);
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /**
   * An update or delete named an expected revision that is not the stored object's revision (the
   * caller read a state that has since been modified).
   */
  public static final class Conflict extends StoreException {
    private final ObjectKey key;
    private final long expectedRevision;
    private final long actualRevision;

    public Conflict(ObjectKey key, long expectedRevision, long actualRevision) {
      super(
          key
              + " has been modified: expected resourceVersion "
              + expectedRevision
              + ", stored "
              + actualRevision,
          null);
      this.key = key;
      this.expectedRevision = expectedRevision;
      this.actualRevision = actualRevision;
    }

    public ObjectKey key() {
      return key;
    }

    public long expectedRevision() {
      return expectedRevision;
    }

    public long actualRevision() {
      return actualRevision;
    }
  }

  /**
   * The history a watch needs is no longer available, so the client must list again (Kubernetes
   * answers these with 410 Gone, reason {@code Expired}). The message is the one the API server
   * should send: for a too-old revision it is Kubernetes' own {@code too old resource version: N
   * (M)}.
   */
  public static final class Expired extends StoreException {

    private Expired(String message) {
      super(message, null);
    }

    /**
     * A watch asked for events after {@code requested}, but the oldest revision a watch can still
     * start from is {@code oldest}. Same wording and numbers as Kubernetes' watch cache (which
     * reports the oldest event's revision minus one, the smallest resourceVersion it accepts).
     */
    public static Expired tooOld(long requested, long oldest) {
      return new Expired("too old resource version: " + requested + " (" + oldest + ")");
    }

    /**
     * A watcher's delivery queue overflowed while it was behind; its events since {@code
     * lastDelivered} were dropped.
     */
    public static Expired fellBehind(long lastDelivered, int queueCapacity) {
      return new Expired(
          "watch fell behind: more than "
              + queueCapacity
              + " events were waiting after resource version "
              + lastDelivered);
    }
  }

  /** SQLite or the file system failed; nothing was written. */
  public static final class Failure extends StoreException {
    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
