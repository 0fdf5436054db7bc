package dev.tributary.local.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local API server's object store: Kubernetes objects as JSON in SQLite, under one global
 * revision (kine/etcd style) that every write takes and that becomes the written object's {@code
 * metadata.resourceVersion}.
 *
 * <h2>What it does and does not interpret</h2>
 *
 * Objects are opaque {@link ObjectNode}s filed under an {@link ObjectKey}. The store only sets
 * {@code metadata.resourceVersion} (creating {@code metadata} if absent); uid, timestamps,
 * generation, validation and the consistency of the key with {@code metadata.name} are the API
 * server's business. Objects passed in are copied, never kept; objects returned are copies the
 * caller owns, except watch events' objects (see {@link WatchEvent}).
 *
 * <h2>Revisions</h2>
 *
 * Every successful create, update and delete takes the next revision, one at a time, in the order
 * the writes commit; a failed call takes none. The revision is stored in its own row, so it
 * continues across restarts and never goes backwards, even when the newest objects were deleted.
 *
 * <h2>Durability</h2>
 *
 * Each write is committed to SQLite (WAL journal) under {@code dir/store.db} before its call
 * returns; what that survives is chosen by {@link StoreOptions#durability()}. The default, {@link
 * Durability#PROCESS_CRASH} ({@code synchronous=NORMAL}), survives {@code kill -9} as the local
 * cluster requires and sustained 9,000–11,000 small creates/s on the project's 2-core box; {@link
 * Durability#POWER_LOSS} ({@code synchronous=FULL}) fsyncs every commit and managed 1,300–3,300/s,
 * too close to the 2,000 creates/s the whole API server must sustain. Group commit (one commit for
 * several concurrent writers) would narrow that gap; the default does not need it, so there is
 * none. A lock file ({@code dir/store.lock}) keeps a second store, in this or another process, out
 * of the same directory.
 *
 * <h2>Threads</h2>
 *
 * All methods are thread-safe. They block on JDBC/disk I/O ({@link #watch} and {@link
 * #currentRevision} only briefly on a lock), so call them from worker or virtual threads, never
 * from a Vert.x event loop. Writes are serialized; reads run in parallel with each other and with
 * writes.
 */
public final class Store implements AutoCloseable {

  private final Database database;
  private final WatchHub hub;
  private final ObjectMapper json = JsonMapper.builder().build();
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile long revision;

  private Store(Database database, WatchHub hub, long revision) {
    this.database = database;
    this.hub = hub;
    this.revision = revision;
  }

  /**
   * Opens the store in {@code dir} (created if missing), continuing its revision. The watch history
   * starts empty at the current revision.
   *
   * @throws StoreException.Failure if the directory is in use by another store or cannot be opened
   */
  public static Store open(Path dir, StoreOptions options) {
    Database database = Database.open(dir, options.durability());
    try {
      long current = database.read(Store::readRevision);
      return new Store(
          database,
          new WatchHub(options.historySize(), options.watchQueueCapacity(), current),
          current);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Stores a new object.
   *
   * @return the stored copy, with its new {@code metadata.resourceVersion}
   * @throws StoreException.AlreadyExists if an object is stored under {@code key}
   */
  public ObjectNode create(ObjectKey key, ObjectNode object) {
    ObjectNode stored = copyForWrite(object);
    return write(
        session -> {
          long next = nextRevision(session, stored);
          PreparedStatement insert =
              session.statement(
                  "INSERT INTO objects (resource, namespace, name, revision, data)"
                      + " VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (resource, namespace, name) DO NOTHING");
          bindKey(insert, key);
          insert.setLong(4, next);
          insert.setBytes(5, serialize(stored));
          if (insert.executeUpdate() == 0) {
            throw new StoreException.AlreadyExists(key);
          }
          return new WatchEvent(WatchEvent.Type.ADDED, next, key, stored);
        });
  }

  /**
   * Replaces a stored object.
   *
   * @param expectedRevision the revision the caller's change is based on (its {@code
   *     resourceVersion}), or {@code null} for an unconditional update
   * @return the stored copy, with its new {@code metadata.resourceVersion}
   * @throws StoreException.NotFound if nothing is stored under {@code key}
   * @throws StoreException.Conflict if the stored revision is not {@code expectedRevision}
   */
  public ObjectNode update(ObjectKey key, ObjectNode object, Long expectedRevision) {
    ObjectNode stored = copyForWrite(object);
    return write(
        session -> {
          long next = nextRevision(session, stored);
          PreparedStatement update =
              session.statement(
                  "UPDATE objects SET revision = ?, data = ?"
                      + " WHERE resource = ? AND namespace = ? AND name = ?"
                      + " AND (? IS NULL OR revision = ?)");
          update.setLong(1, next);
          update.setBytes(2, serialize(stored));
          bindKey(update, key, 3);
          bindExpected(update, expectedRevision, 6);
          if (update.executeUpdate() == 0) {
            throw missingOrConflict(session, key, expectedRevision);
          }
          return new WatchEvent(WatchEvent.Type.MODIFIED, next, key, stored);
        });
  }

  /**
   * Deletes a stored object.
   *
   * @param expectedRevision the revision the caller's decision is based on, or {@code null} for an
   *     unconditional delete
   * @return the object's last state, with {@code metadata.resourceVersion} set to the deletion's
   *     revision (as Kubernetes' etcd3 storage answers a delete, and as the DELETED event carries)
   * @throws StoreException.NotFound if nothing is stored under {@code key}
   * @throws StoreException.Conflict if the stored revision is not {@code expectedRevision}
   */
  public ObjectNode delete(ObjectKey key, Long expectedRevision) {
    return write(
        session -> {
          byte[] data;
          PreparedStatement delete =
              session.statement(
                  "DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?"
                      + " AND (? IS NULL OR revision = ?) RETURNING data");
          bindKey(delete, key);
          bindExpected(delete, expectedRevision, 4);
          try (ResultSet deleted = delete.executeQuery()) {
            data = deleted.next() ? deleted.getBytes(1) : null;
          }
          if (data == null) {
            throw missingOrConflict(session, key, expectedRevision);
          }
          ObjectNode last = parse(data, key);
          long next = nextRevision(session, last);
          return new WatchEvent(WatchEvent.Type.DELETED, next, key, last);
        });
  }

  /** The object stored under {@code key}, as a copy the caller owns. */
  public Optional<ObjectNode> get(ObjectKey key) {
    return database.read(
        session -> {
          PreparedStatement select =
              session.statement(
                  "SELECT data FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
          bindKey(select, key);
          try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(parse(row.getBytes(1), key)) : Optional.empty();
          }
        });
  }

  /**
   * All objects of {@code resource} (in {@code namespace}, or in all if null); see {@link
   * #list(String, String, int, String)}.
   */
  public ListPage list(String resource, String namespace) {
    return list(resource, namespace, 0, null);
  }

  /**
   * Lists the objects of a resource, ordered by namespace then name.
   *
   * <p>A first page (no {@code continueToken}) is one consistent snapshot: its items are exactly
   * the objects that existed at its {@link ListPage#revision()}, the store's revision when it was
   * read.
   *
   * <p>Continuation pages deviate from Kubernetes, which serves every page from the first page's
   * snapshot: they are read from the <em>current</em> state, restricted to the keys after the
   * previous page's last key, and report the first page's revision. So an object written after the
   * first page may appear in a later page with a newer resourceVersion, and one deleted since is
   * missing. A client that watches from the reported revision still converges, since the watch
   * replays every write made after it (or answers Expired, and the client lists again).
   *
   * @param namespace the namespace, or {@code null} for all namespaces ({@code ""} selects the
   *     cluster-scoped objects, which is all of them for a cluster-scoped resource)
   * @param limit the most items to return, or 0 for all
   * @param continueToken the previous page's {@link ListPage#continueToken()}, or null for a first
   *     page
   * @throws IllegalArgumentException if {@code continueToken} is not a token this store made
   */
  public ListPage list(String resource, String namespace, int limit, String continueToken) {
    return list(resource, namespace, limit, continueToken, false);
  }

  /**
   * {@link #list(String, String, int, String)}, and if {@code countRemaining}, a page that has a
   * next one also counts the objects after it ({@link ListPage#remainingItemCount()}), in the same
   * read as the page (an indexed COUNT), as Kubernetes does for a LIST without selectors.
   */
  public ListPage list(
      String resource, String namespace, int limit, String continueToken, boolean countRemaining) {
    Rows<ObjectNode> rows =
        rows(resource, namespace, limit, continueToken, countRemaining, this::parse);
    return new ListPage(rows.items(), rows.revision(), rows.continueToken(), rows.remaining());
  }

  /**
   * {@link #list(String, String, int, String, boolean)} without parsing: each item is the JSON
   * object exactly as stored (UTF-8), for callers that can send it on unchanged.
   */
  public JsonListPage listJson(
      String resource, String namespace, int limit, String continueToken, boolean countRemaining) {
    Rows<byte[]> rows =
        rows(resource, namespace, limit, continueToken, countRemaining, (data, key) -> data);
    return new JsonListPage(rows.items(), rows.revision(), rows.continueToken(), rows.remaining());
  }

  /** Turns one stored row into a list item. */
  private interface RowDecoder<T> {
    T decode(byte[] data, ObjectKey key) throws SQLException;
  }

  private record Rows<T>(List<T> items, long revision, String continueToken, Long remaining) {}

  private <T> Rows<T> rows(
      String resource,
      String namespace,
      int limit,
      String continueToken,
      boolean countRemaining,
      RowDecoder<T> decoder) {
    Objects.requireNonNull(resource, "resource");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    ContinueToken after = continueToken == null ? null : ContinueToken.decode(continueToken);
    StringBuilder sql = new StringBuilder("SELECT namespace, name, data FROM objects");
    sql.append(" WHERE resource = ?");
    if (namespace != null) {
      sql.append(" AND namespace = ?");
    }
    if (after != null) {
      sql.append(" AND (namespace, name) > (?, ?)");
    }
    // One more than asked, to learn whether another page follows; a negative LIMIT means none.
    sql.append(" ORDER BY namespace, name LIMIT ?");
    return database.read(
        session -> {
          long listRevision = after != null ? after.revision() : readRevision(session);
          List<T> items = new ArrayList<>();
          String next = null;
          PreparedStatement select = session.statement(sql.toString());
          int index = 1;
          select.setString(index++, resource);
          if (namespace != null) {
            select.setString(index++, namespace);
          }
          if (after != null) {
            select.setString(index++, after.namespace());
            select.setString(index++, after.name());
          }
          select.setLong(index, limit > 0 ? limit + 1L : -1L);
          String lastNamespace = null;
          String lastName = null;
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              if (limit > 0 && items.size() == limit) {
                next = new ContinueToken(listRevision, lastNamespace, lastName).encode();
                break;
              }
              lastNamespace = rows.getString(1);
              lastName = rows.getString(2);
              items.add(
                  decoder.decode(
                      rows.getBytes(3), new ObjectKey(resource, lastNamespace, lastName)));
            }
          }
          Long remaining =
              next != null && countRemaining
                  ? countAfter(session, resource, namespace, lastNamespace, lastName)
                  : null;
          return new Rows<>(items, listRevision, next, remaining);
        });
  }

  /** How many objects of {@code resource} (in {@code namespace}, if not null) sort after a key. */
  private static long countAfter(
      Session session, String resource, String namespace, String afterNamespace, String afterName)
      throws SQLException {
    PreparedStatement count =
        session.statement(
            "SELECT COUNT(*) FROM objects WHERE resource = ?"
                + (namespace != null ? " AND namespace = ?" : "")
                + " AND (namespace, name) > (?, ?)");
    int index = 1;
    count.setString(index++, resource);
    if (namespace != null) {
      count.setString(index++, namespace);
    }
    count.setString(index++, afterNamespace);
    count.setString(index, afterName);
    try (ResultSet row = count.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  /** The revision of the latest acknowledged write (0 for a store never written). */
  public long currentRevision() {
    return revision;
  }

  /**
   * Watches the writes to a resource made after {@code fromRevision}: first those still in the
   * history window, in revision order, then live ones as they commit. Delivery runs on a thread of
   * the watch's own and never blocks writers (see {@link WatchListener}).
   *
   * <p>{@code fromRevision} may be any revision from the oldest the window covers up to the current
   * one, or beyond (etcd semantics: events start once the store gets there). Synthetic ADDED events
   * for a watch without a resourceVersion are the API server's to produce, from a {@link #list}.
   * After a restart the window is empty and starts at the revision the store was opened with.
   *
   * @param namespace the namespace, or {@code null} for all namespaces
   * @throws StoreException.Expired if the window no longer covers {@code fromRevision}; its message
   *     is Kubernetes' {@code too old resource version: N (M)}, M being the oldest revision a watch
   *     can start from
   */
  public Watch watch(String resource, String namespace, long fromRevision, WatchListener listener) {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(listener, "listener");
    return hub.watch(resource, namespace, fromRevision, listener);
  }

  /**
   * Ends every watch (their listeners get {@code onEnd(null)}), waits for a write in progress, and
   * closes the database and its directory lock. Idempotent. Later calls throw {@link
   * IllegalStateException}.
   */
  @Override
  public void close() {
    writeLock.lock();
    try {
      hub.close();
      database.close();
    } finally {
      writeLock.unlock();
    }
  }

  /** Commits one write, then publishes its event, in revision order. */
  private ObjectNode write(Database.SqlWork<WatchEvent> work) {
    writeLock.lock();
    try {
      WatchEvent event = database.write(work);
      revision = event.revision();
      hub.publish(event);
      return event.object().deepCopy();
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Takes the next revision inside the write's transaction and stamps it on {@code object}; the
   * transaction's rollback gives it back.
   */
  private static long nextRevision(Session session, ObjectNode object) throws SQLException {
    long next;
    try (ResultSet row =
        session
            .statement("UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value")
            .executeQuery()) {
      if (!row.next()) {
        throw new SQLException("the revision row is missing");
      }
      next = row.getLong(1);
    }
    object.withObjectProperty("metadata").put("resourceVersion", Long.toString(next));
    return next;
  }

  private static long readRevision(Session session) throws SQLException {
    try (ResultSet row =
        session.statement("SELECT value FROM revision WHERE id = 1").executeQuery()) {
      if (!row.next()) {
        throw new SQLException("the revision row is missing");
      }
      return row.getLong(1);
    }
  }

  /** After an update or delete matched no row: the object is missing, or at another revision. */
  private static StoreException missingOrConflict(
      Session session, ObjectKey key, Long expectedRevision) throws SQLException {
    PreparedStatement select =
        session.statement(
            "SELECT revision FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
    bindKey(select, key);
    try (ResultSet row = select.executeQuery()) {
      if (!row.next() || expectedRevision == null) {
        return new StoreException.NotFound(key);
      }
      return new StoreException.Conflict(key, expectedRevision, row.getLong(1));
    }
  }

  private static void bindKey(PreparedStatement statement, ObjectKey key) throws SQLException {
    bindKey(statement, key, 1);
  }

  private static void bindKey(PreparedStatement statement, ObjectKey key, int first)
      throws SQLException {
    statement.setString(first, key.resource());
    statement.setString(first + 1, key.namespace());
    statement.setString(first + 2, key.name());
  }

  private static void bindExpected(PreparedStatement statement, Long expected, int first)
      throws SQLException {
    for (int i = first; i < first + 2; i++) {
      if (expected == null) {
        statement.setNull(i, Types.INTEGER);
      } else {
        statement.setLong(i, expected);
      }
    }
  }

  private static ObjectNode copyForWrite(ObjectNode object) {
    Objects.requireNonNull(object, "object");
    JsonNode metadata = object.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      throw new IllegalArgumentException(
          "metadata must be an object, not " + metadata.getNodeType());
    }
    return object.deepCopy();
  }

  private byte[] serialize(ObjectNode object) throws SQLException {
    try {
      return json.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new SQLException("cannot serialize the object: " + e.getMessage(), e);
    }
  }

  private ObjectNode parse(byte[] data, ObjectKey key) throws SQLException {
    try {
      if (json.readTree(data) instanceof ObjectNode object) {
        return object;
      }
      throw new SQLException("stored data of " + key + " is not a JSON object");
    } catch (IOException e) {
      throw new SQLException("stored data of " + key + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
