package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The local cluster's data directory (default {@code ~/.tributary}) and the names of the files in
 * it. Everything the local cluster persists lives here; two clusters never share one (see {@link
 * #lock()}).
 *
 * <p>Immutable apart from the lock it hands out; safe to share between threads.
 */
public final class DataDir {

  /** The directory's name under the user's home when none is given. */
  public static final String DEFAULT_NAME = ".tributary";

  private final Path root;
  private final Object lockGuard = new Object();
  private DataDirLock lock; // guarded by lockGuard

  private DataDir(Path root) {
    this.root = root;
  }

  /** {@code userHome/.tributary}: the data directory used when none is given. */
  public static Path defaultRoot(Path userHome) {
    return userHome.resolve(DEFAULT_NAME);
  }

  /**
   * Opens {@code root}, creating it owner-only if it does not exist (see {@link
   * OwnerOnlyFiles#createDirectory}). Blocks on disk I/O.
   */
  public static DataDir open(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    OwnerOnlyFiles.createDirectory(absolute);
    return new DataDir(absolute);
  }

  /**
   * Names the data directory at {@code root} without creating it or anything in it: for commands
   * that only look at a cluster or stop it ({@code tributary status}, {@code tributary down}). Use
   * {@link #open} to run one there.
   */
  public static DataDir at(Path root) {
    return new DataDir(root.toAbsolutePath().normalize());
  }

  /** The directory itself, absolute. */
  public Path root() {
    return root;
  }

  /** The lock file; holds the PID of the process that holds the lock. */
  public Path lockFile() {
    return root.resolve("lock");
  }

  /** The kubeconfig that {@code tributary up} writes for kubectl and other clients. */
  public Path kubeconfig() {
    return root.resolve("kubeconfig");
  }

  /** The cluster CA certificate, PEM. */
  public Path caCertificate() {
    return root.resolve("ca.crt");
  }

  /** The cluster CA private key, PEM (PKCS#8), owner-only. */
  public Path caKey() {
    return root.resolve("ca.key");
  }

  /** The API server's serving certificate, PEM. */
  public Path serverCertificate() {
    return root.resolve("server.crt");
  }

  /** The API server's serving private key, PEM (PKCS#8), owner-only. */
  public Path serverKey() {
    return root.resolve("server.key");
  }

  /** The admin bearer token, owner-only. */
  public Path adminToken() {
    return root.resolve("admin.token");
  }

  /** The issued ServiceAccount tokens (as hashes), owner-only. */
  public Path serviceAccountTokens() {
    return root.resolve("serviceaccount-tokens.json");
  }

  /** The API server's SQLite database. */
  public Path database() {
    return root.resolve("store.db");
  }

  /**
   * Takes the directory's exclusive lock, to be held for the life of the process, or fails at once
   * (after a tenth of a second at most, the time a {@link #holder()} in another process may take to
   * look) if anyone holds it: another process, or an earlier {@code lock()} on this {@code DataDir}
   * that is not closed yet.
   *
   * <p>Within one JVM, lock a directory through one {@code DataDir}: on POSIX systems closing any
   * channel on the lock file drops every lock the JVM holds on it, so a refused attempt through a
   * second {@code DataDir} for the same directory would release the first one's lock. Blocks on
   * disk I/O.
   *
   * @throws DataDirLockedException if the directory is in use; its message names the holder's PID
   *     and how to stop it
   */
  public DataDirLock lock() throws IOException {
    synchronized (lockGuard) {
      if (lock != null && lock.isHeld()) {
        throw new DataDirLockedException(root, OptionalLong.of(ProcessHandle.current().pid()));
      }
      lock = DataDirLock.acquire(root, lockFile(), ProcessHandle.current().pid());
      return lock;
    }
  }

  /**
   * Who holds the directory's lock, without taking it for good and without writing anything: empty
   * if nobody does. A process that died holding it, even by kill -9, holds nothing, whatever PID it
   * left in the lock file; and a holder's {@link LockHolder#pid()} is only given once that holder
   * wrote it, so it is never a dead holder's. Blocks on disk I/O, briefly.
   *
   * <p>While it looks, this takes shared locks for an instant; a {@code tributary up} starting at
   * that moment waits for them (see {@link #lock()}).
   *
   * <p>Within one JVM, ask through the {@code DataDir} that locked the directory, if any: it then
   * answers from its own lock, whereas looking at the file from another {@code DataDir} would open
   * and close it, which drops the JVM's lock on POSIX systems (see {@link #lock()}).
   */
  public Optional<LockHolder> holder() throws IOException {
    synchronized (lockGuard) {
      if (lock != null && lock.isHeld()) {
        return Optional.of(new LockHolder(OptionalLong.of(ProcessHandle.current().pid())));
      }
    }
    return DataDirLock.probe(lockFile());
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
