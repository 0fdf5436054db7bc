package dev.tributary.local.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file: one writer connection, a small pool of reader connections, and an exclusive lock
 * file so that only one process (and one {@code Database} in it) writes the directory.
 *
 * <p>Under WAL every read transaction sees one committed snapshot and never waits for the writer,
 * which is what gives {@link Store#list} its consistent revision.
 */
final class Database implements AutoCloseable {

  /** Schema version in {@code PRAGMA user_version}. */
  static final int SCHEMA_VERSION = 1;

  /** Idle reader connections kept open; more are opened under load and closed afterwards. */
  private static final int MAX_IDLE_READERS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** A piece of work on a connection inside a transaction. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Session session) throws SQLException;
  }

  private final String url;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Session writer;
  private final ConcurrentLinkedDeque<Session> idleReaders = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  private Database(String url, FileChannel lockChannel, FileLock lock, Connection writer) {
    this.url = url;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.writer = new Session(writer);
  }

  /**
   * Opens (creating if needed) {@code dir/store.db}.
   *
   * @throws StoreException.Failure if the directory is in use by another store, or SQLite fails
   */
  static Database open(Path dir, Durability durability) {
    FileChannel channel = null;
    FileLock lock = null;
    Connection writer = null;
    try {
      Files.createDirectories(dir);
      Path lockFile = dir.resolve("store.lock");
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new StoreException.Failure(
            "store directory " + dir + " is in use by another process (" + lockFile + ")", null);
      }
      String url = "jdbc:sqlite:" + dir.resolve("store.db").toAbsolutePath();
      writer = DriverManager.getConnection(url);
      configureWriter(writer, durability);
      return new Database(url, channel, lock, writer);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(writer, dir);
      try {
        if (lock != null) {
          lock.release();
        }
        if (channel != null) {
          channel.close();
        }
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof StoreException.Failure failure) {
        throw failure;
      }
      throw new StoreException.Failure("cannot open the store in " + dir + ": " + e, e);
    }
  }

  private static void configureWriter(Connection connection, Durability durability)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
        if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
          throw new SQLException("SQLite refused WAL journal mode");
        }
      }
      statement.execute("PRAGMA synchronous=" + durability.pragma());
      statement.execute("PRAGMA busy_timeout=5000");
      int version;
      try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
        version = result.next() ? result.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new SQLException(
            "store schema version " + version + " is newer than this program's " + SCHEMA_VERSION);
      }
      if (version < SCHEMA_VERSION) {
        createSchema(statement);
      }
    }
    connection.setAutoCommit(false);
  }

  private static void createSchema(Statement statement) throws SQLException {
    statement.execute(
        """
        CREATE TABLE IF NOT EXISTS objects (
          resource  TEXT    NOT NULL,
          namespace TEXT    NOT NULL,
          name      TEXT    NOT NULL,
          revision  INTEGER NOT NULL,
          data      BLOB    NOT NULL,
          UNIQUE (resource, namespace, name))""");
    // The revision lives in its own row, so it never goes backwards, even when the objects
    // written last have been deleted.
    statement.execute(
        """
        CREATE TABLE IF NOT EXISTS revision (
          id    INTEGER PRIMARY KEY CHECK (id = 1),
          value INTEGER NOT NULL)""");
    statement.execute("INSERT OR IGNORE INTO revision (id, value) VALUES (1, 0)");
    statement.execute("PRAGMA user_version=" + SCHEMA_VERSION);
  }

  /**
   * Runs {@code work} in a write transaction and commits it before returning. Callers serialize
   * their calls (the {@link Store} holds its write lock). Any exception rolls the transaction back;
   * a {@link SQLException} becomes {@link StoreException.Failure}, a {@link RuntimeException} (such
   * as {@link StoreException.Conflict}) is rethrown as is.
   */
  <T> T write(SqlWork<T> work) {
    checkOpen();
    try {
      T result = work.run(writer);
      writer.connection().commit();
      return result;
    } catch (SQLException e) {
      rollback(e);
      throw new StoreException.Failure("store write failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  /**
   * Runs {@code work} in a read transaction: everything it reads belongs to one committed snapshot.
   * Thread-safe; blocks on SQLite I/O but not on writers.
   */
  <T> T read(SqlWork<T> work) {
    checkOpen();
    Session session = idleReaders.pollFirst();
    try {
      if (session == null) {
        session = openReader();
      } else {
        idleCount.decrementAndGet();
      }
      T result = work.run(session);
      // Ends the read transaction, releasing its snapshot so checkpoints can proceed.
      session.connection().commit();
      release(session);
      return result;
    } catch (SQLException e) {
      closeQuietly(session, url);
      throw new StoreException.Failure("store read failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session, url);
      throw e;
    }
  }

  private Session openReader() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=5000");
      statement.execute("PRAGMA query_only=1");
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      closeQuietly(connection, url);
      throw e;
    }
    return new Session(connection);
  }

  /** Returns a reader to the pool, or closes it if the pool is full or the database closed. */
  private void release(Session reader) {
    if (closed) {
      closeQuietly(reader, url);
      return;
    }
    if (idleCount.incrementAndGet() > MAX_IDLE_READERS) {
      idleCount.decrementAndGet();
      closeQuietly(reader, url);
      return;
    }
    idleReaders.addFirst(reader);
    // close() may have drained the pool just before the add: then this reader is ours to close.
    if (closed && idleReaders.remove(reader)) {
      closeQuietly(reader, url);
    }
  }

  private void rollback(Exception cause) {
    try {
      writer.connection().rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
      LOG.error("store rollback failed after {}", cause.toString(), e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
  }

  /**
   * Closes every connection and releases the directory lock. Callers make sure no write is running
   * (the {@link Store} holds its write lock); readers still running close their connection when
   * they finish.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Session idle;
    while ((idle = idleReaders.pollFirst()) != null) {
      closeQuietly(idle, url);
    }
    closeQuietly(writer, url);
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("store lock release failed url={}", url, e);
    }
  }

  private static void closeQuietly(AutoCloseable connection, Object where) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (Exception e) {
      LOG.warn("closing a store connection failed store={}", where, e);
    }
  }
}
