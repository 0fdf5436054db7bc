package dev.tributary.local.datadir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for the lock's cross-process tests: takes the lock on the directory in {@code
 * args[0]}, prints {@code locked}, then holds it until its stdin closes (so it also ends if the
 * test JVM dies) or it is killed.
 *
 * <p>With {@code --before-pid} as {@code args[1]} it stops half-way, as a holder is for an instant
 * at its start: the lock taken, its PID not yet written (whatever the file held stays).
 */
public final class LockHolderMain {

  private LockHolderMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 1 && args[1].equals("--before-pid")) {
      DataDir dir = DataDir.open(Path.of(args[0]));
      try (FileChannel channel =
          FileChannel.open(
              dir.lockFile(),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        if (channel.tryLock(DataDirLock.HELD, 1, false) == null) {
          throw new IOException("the lock is held");
        }
        holdUntilStdinCloses();
      }
      return;
    }
    DataDirLock lock = DataDir.open(Path.of(args[0])).lock();
    holdUntilStdinCloses();
    lock.close();
  }

  private static void holdUntilStdinCloses() throws IOException {
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock
    }
  }
}
