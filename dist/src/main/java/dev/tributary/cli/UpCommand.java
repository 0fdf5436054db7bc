package dev.tributary.cli;

import dev.tributary.local.apiserver.ControlPlane;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.DataDirLockedException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary up}: runs the local control plane in the foreground until Ctrl-C or SIGTERM,
 * printing progress, a ready line and the {@code export KUBECONFIG=...} hint on stdout.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start the local cluster in the foreground (Ctrl-C stops).")
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the cluster keeps its state. Default: ~/.tributary.")
  Path dataDir;

  @Option(
      names = "--port",
      defaultValue = "6443",
      description =
          "HTTPS port of the API server on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Override
  public Integer call() {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Path dir =
        dataDir != null ? dataDir : DataDir.defaultRoot(Path.of(System.getProperty("user.home")));
    ControlPlane plane;
    try {
      plane =
          ControlPlane.start(
              dir, port, Clock.systemUTC(), step -> out.println("tributary: " + step));
    } catch (DataDirLockedException e) {
      out.println("tributary: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      out.println("tributary: could not start: " + e.getMessage());
      return 1;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.println(
        "tributary: API server ready at "
            + plane.url()
            + String.format(Locale.ROOT, " (%.1fs)", seconds));
    out.println("export KUBECONFIG=" + plane.kubeconfig());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("tributary: stopping");
                  plane.close();
                  out.println("tributary: stopped");
                  stopped.countDown();
                },
                "tributary-up-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      plane.close();
    }
    return 0;
  }
}
