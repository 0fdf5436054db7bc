package dev.tributary.local.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs client programs (kubectl, python3) as a user would, with a fresh HOME (so no {@code ~/.kube}
 * cache or config plays a part), a private TMPDIR and KUBECONFIG set to the test cluster's; nothing
 * else of the test JVM's environment but PATH is passed on. Every process it starts is killed by
 * {@link #close()} at the latest. Not thread-safe: one test thread uses it.
 */
final class ClientProcesses implements AutoCloseable {

  /** How long a foreground command may take before it is killed and reported with exit -1. */
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final Path home;
  private final Path kubeconfig;
  private final List<Running> started = new ArrayList<>();

  ClientProcesses(Path home, Path kubeconfig) throws IOException {
    this.home = Files.createDirectories(home);
    this.kubeconfig = kubeconfig;
    Files.createDirectories(home.resolve("tmp"));
  }

  /** The exit code ({@code -1} when it was killed for taking too long) and stdout + stderr. */
  record Result(int exitCode, String output) {}

  /** Runs {@code command} to its end (at most {@link #TIMEOUT}) with empty stdin. */
  Result run(List<String> command) throws IOException, InterruptedException {
    Running running = start(command);
    try {
      boolean exited = running.process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!exited) {
        running.kill();
      }
      running.reader.join(TimeUnit.SECONDS.toMillis(10));
      return new Result(exited ? running.process.exitValue() : -1, running.output());
    } finally {
      running.kill();
    }
  }

  /** Starts {@code command} in the background; its output accumulates in {@link Running}. */
  Running start(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.clear();
    env.put("PATH", path);
    env.put("HOME", home.toString());
    env.put("TMPDIR", home.resolve("tmp").toString());
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("LANG", "C.UTF-8");
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    Running running = new Running(process, String.join(" ", command));
    started.add(running);
    return running;
  }

  /** Kills every process still running. */
  @Override
  public void close() throws InterruptedException {
    for (Running running : started) {
      running.kill();
    }
    started.clear();
  }

  /** A started process whose combined output is read on a thread of its own as it comes. */
  static final class Running {

    private final Process process;
    private final String description;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private Running(Process process, String description) {
      this.process = process;
      this.description = description;
      this.reader =
          Thread.ofPlatform()
              .daemon()
              .name("output of " + description)
              .start(() -> copy(process.getInputStream()));
    }

    private void copy(InputStream in) {
      char[] buffer = new char[8192];
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
          output.append(buffer, 0, n);
        }
      } catch (IOException e) {
        // the process was killed while we read: what we have is all there is
        if (process.isAlive()) {
          throw new UncheckedIOException("reading the output of " + description, e);
        }
      }
    }

    /** Everything printed so far. */
    String output() {
      return output.toString();
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Kills the process (and waits for it), if it still runs. */
    void kill() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("could not kill " + description);
        }
      }
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
