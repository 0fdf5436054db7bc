package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.file.Path;
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
   * if anyone holds it: another process, or an earlier {@code lock()} on this {@code DataDir} that
   * is not closed yet.
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

  @Override
  public String toString() {
    return root.toString();
  }
}
