package dev.tributary.local.kubelet.runtime;

import dev.tributary.runtime.LogSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A container run as a host process: the command line with the host's environment overlaid by the
 * container's env, started in {@code workDir}; stdout and stderr go line by line to the container's
 * log. {@link #stop} sends SIGTERM to the process, then kills it and its descendants after the
 * grace period; once it has ended, the descendants it had when asked to stop are killed too, as a
 * container's processes end with its main one. Two virtual threads per process copy its output.
 */
public final class HostProcessContainer implements RunningContainer {

  private final Process process;
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private volatile List<ProcessHandle> tree = List.of();

  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

  private HostProcessContainer(Process process, LogSink log) {
    this.process = process;
    Thread out = Thread.ofVirtual().start(() -> copy(process.getInputStream(), log));
    Thread err = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), log));
    process
        .onExit()
        .thenRun(
            () -> {
              // As when a container's main process ends: whatever it left running goes too (they
              // would hold its output open).
              tree.forEach(ProcessHandle::destroyForcibly);
              try {
                // The log is complete before the exit is reported, unless something we could not
                // see still holds the output open.
                out.join(OUTPUT_DRAIN);
                err.join(OUTPUT_DRAIN);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exited.complete(process.exitValue());
            });
  }

  /**
   * Starts the process.
   *
   * @throws IOException when it cannot be started (e.g. the executable is not found)
   */
  public static HostProcessContainer start(
      List<String> command, Map<String, String> env, Path workDir, LogSink log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    return new HostProcessContainer(builder.start(), log);
  }

  @Override
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    // Through the handle: Process.destroy() also closes the pipes, losing what the process writes
    // while it handles SIGTERM.
    tree = process.descendants().toList();
    process.toHandle().destroy();
    CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                tree.forEach(ProcessHandle::destroyForcibly);
                process.toHandle().destroyForcibly();
              }
            });
  }

  private static void copy(InputStream stream, LogSink log) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.line(line);
      }
    } catch (IOException e) {
      // The process closed its output abruptly (killed); what it wrote before is in the log.
      log.line("output ended: " + e.getMessage());
    } catch (UncheckedIOException e) {
      log.line("output ended: " + e.getMessage());
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
