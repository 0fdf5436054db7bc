package dev.tributary.local.store;

/**
 * What an acknowledged write survives, i.e. SQLite's {@code synchronous} setting under WAL.
 *
 * <p>Both settings append every committed transaction to the write-ahead log with {@code write(2)}
 * before the call returns, so the commit lives in the operating system's page cache and survives
 * the JVM dying in any way, {@code kill -9} included. They differ in {@code fsync}:
 */
public enum Durability {
  /**
   * {@code synchronous=NORMAL}: no fsync per commit (only at checkpoints). Survives a process
   * crash; a power loss or kernel crash may lose the last commits, but never corrupts the database.
   * The default: the local cluster must survive {@code kill -9}, not power loss, and must sustain
   * 2,000 creates/s through its whole API. Measured with {@code StoreThroughput} (src/test) on the
   * project's shared 2-core box: 9,000–11,000 small creates/s (~4,700 while other builds ran).
   */
  PROCESS_CRASH("NORMAL"),
  /**
   * {@code synchronous=FULL}: the WAL is fsynced at every commit. Survives power loss too, at the
   * cost of one fsync per write: 3,100–3,300 creates/s on the same box when quiet, ~1,300 under
   * load, too close to the API server's 2,000 creates/s goal once HTTP is added.
   */
  POWER_LOSS("FULL");

  private final String pragma;

  Durability(String pragma) {
    this.pragma = pragma;
  }

  /** The value of SQLite's {@code synchronous} pragma. */
  String pragma() {
    return pragma;
  }
}
