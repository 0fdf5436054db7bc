package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process for {@link DataDirLockIT}: takes the lock on the directory in {@code args[0]},
 * prints {@code locked}, then holds it until its stdin closes (so it also ends if the test JVM
 * dies) or it is killed.
 */
public final class LockHolderMain {

  private LockHolderMain() {}

  public static void main(String[] args) throws IOException {
    DataDirLock lock = DataDir.open(Path.of(args[0])).lock();
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock
    }
    lock.close();
  }
}
