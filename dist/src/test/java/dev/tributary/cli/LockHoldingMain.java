package dev.tributary.cli;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.DataDirLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child process that stands for a running {@code tributary up} where only its lock matters: takes
 * the lock on the data directory {@code args[0]}, prints {@code locked}, and holds it until its
 * stdin closes (so it also ends if the test JVM dies) or it is killed. With {@code
 * --ignore-sigterm} it does not end on SIGTERM (a shutdown hook that never returns), as an {@code
 * up} whose shutdown hangs.
 */
public final class LockHoldingMain {

  private LockHoldingMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    DataDirLock lock = DataDir.open(Path.of(args[0])).lock();
    if (args.length > 1 && args[1].equals("--ignore-sigterm")) {
      CountDownLatch never = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    System.out.println("locked");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the lock
    }
    lock.close();
  }
}
