package dev.tributary.acceptance;

import static org.awaitility.Awaitility.await;

import dev.tributary.cli.UpLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@code tributary up --data-dir DIR --port 0} as a user runs it: a JVM of its own, started again
 * on the same data dir after a stop or a {@code kill -9}. Each start writes its output to a log
 * file of its own ({@code up-1.log}, {@code up-2.log}, ...) next to the data dir.
 *
 * <p>Not thread-safe: one test drives it. {@link #close} stops whatever still runs (SIGTERM, then
 * SIGKILL), so a failing test leaves no process behind.
 */
final class LocalUp implements AutoCloseable {

  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final Path logDir;
  private final List<Path> logs = new ArrayList<>();
  private Process process;

  LocalUp(Path dataDir, Path logDir) {
    this.dataDir = dataDir;
    this.logDir = logDir;
  }

  /** Starts {@code up} (the previous run must have ended). */
  void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("up is still running, pid " + process.pid());
    }
    Path log = logDir.resolve("up-" + (logs.size() + 1) + ".log");
    logs.add(log);
    process = UpLauncher.start(dataDir, log);
  }

  /**
   * Waits until this run prints its kubeconfig hint, the last line of a successful start.
   *
   * @throws AssertionError if it exits first or does not get there within {@code timeout}
   */
  void awaitReady(Duration timeout) {
    Process running = process;
    Path log = logs.getLast();
    try {
      await("up prints export KUBECONFIG=")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                if (!running.isAlive()) {
                  throw new AssertionError(
                      "up exited with " + running.exitValue() + " before it was ready");
                }
                return lines(log).stream().anyMatch(l -> l.startsWith("export KUBECONFIG="));
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("up was not ready within " + timeout, e);
    }
  }

  /** The lines of this run's progress that are not log records (what a user reads). */
  List<String> progress() throws IOException {
    return lines(logs.getLast()).stream()
        .filter(l -> l.startsWith("tributary: ") || l.startsWith("export "))
        .toList();
  }

  /** The kubeconfig {@code up} writes (the server's port changes with every start). */
  Path kubeconfig() {
    return dataDir.resolve("kubeconfig");
  }

  /** The running (or last) {@code up}'s process id. */
  long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is flushed or stopped in order. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("up did not die on SIGKILL, pid " + process.pid());
    }
  }

  /** Every run's output, in order, each under a header naming its file. */
  String output() {
    StringBuilder all = new StringBuilder();
    for (Path log : logs) {
      all.append("===== ").append(log).append('\n');
      try {
        lines(log).forEach(l -> all.append(l).append('\n'));
      } catch (IOException e) {
        all.append("(cannot read: ").append(e).append(")\n");
      }
    }
    return all.toString();
  }

  /**
   * Stops the running {@code up}, if any: SIGTERM, and SIGKILL if it has not ended in a minute;
   * then any host process its kubelet started that outlived it.
   */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
      kill9();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static List<String> lines(Path log) throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    // The file is being written: decode leniently rather than fail on a half-written character.
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
  }
}
