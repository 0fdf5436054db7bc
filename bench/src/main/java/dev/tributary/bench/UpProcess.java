package dev.tributary.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code tributary up} process, started through the launcher script exactly as a user
 * starts it, and the figures of its start: wall time from spawning the launcher to the API server's
 * ready line and to each progress line up to the cluster's ready line, and the time the process
 * reports itself. Its stderr goes to a file (checked for JVM warnings). Close it to stop the
 * process (SIGTERM, then SIGKILL after 30 s). Not thread-safe.
 */
final class UpProcess implements AutoCloseable {

  private static final String READY = "tributary: API server ready at ";
  private static final String CLUSTER_READY = "tributary: ready at ";
  private static final String KUBECONFIG = "export KUBECONFIG=";

  private final Process process;
  private final long readyNanos;
  private final long readyCpuTicks;
  private final long clusterReadyCpuTicks;
  private final Path kubeconfig;
  private final Path stderr;
  private final List<String> output;
  private final List<Long> outputNanos;

  private UpProcess(
      Process process,
      long readyNanos,
      long readyCpuTicks,
      long clusterReadyCpuTicks,
      Path kubeconfig,
      Path stderr,
      List<String> output,
      List<Long> outputNanos) {
    this.process = process;
    this.readyNanos = readyNanos;
    this.readyCpuTicks = readyCpuTicks;
    this.clusterReadyCpuTicks = clusterReadyCpuTicks;
    this.kubeconfig = kubeconfig;
    this.stderr = stderr;
    this.output = output;
    this.outputNanos = outputNanos;
  }

  /**
   * Runs {@code launcher up --data-dir dataDir --port 0} and blocks until it prints its kubeconfig
   * line (which follows the ready line).
   *
   * @throws IOException if the process ends before it is ready; the message holds its output
   */
  static UpProcess start(Path launcher, Path dataDir) throws IOException {
    return start(launcher, dataDir, Map.of());
  }

  /**
   * As {@link #start(Path, Path)}, with {@code environment} added to this process's environment
   * (e.g. a fresh {@code HOME}, or {@code TRIBUTARY_JAVA_OPTS}).
   */
  static UpProcess start(Path launcher, Path dataDir, Map<String, String> environment)
      throws IOException {
    Path stderr = Files.createTempFile("tributary-up", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                launcher.toString(), "up", "--data-dir", dataDir.toString(), "--port", "0")
            .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    long spawned = System.nanoTime();
    Process process = builder.start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> output = new ArrayList<>();
    List<Long> outputNanos = new ArrayList<>();
    long ready = -1;
    long readyTicks = -1;
    boolean apiServerReady = false;
    String line;
    while ((line = lines.readLine()) != null) {
      output.add(line);
      outputNanos.add(System.nanoTime() - spawned);
      if (line.startsWith(READY)) {
        ready = System.nanoTime() - spawned;
        readyTicks = CpuMeter.ticks(process.pid());
        apiServerReady = true;
      } else if (line.startsWith(KUBECONFIG) && apiServerReady) {
        long clusterReadyTicks = CpuMeter.ticks(process.pid());
        Thread drain = new Thread(() -> drain(lines), "up-stdout");
        drain.setDaemon(true);
        drain.start();
        return new UpProcess(
            process,
            ready,
            readyTicks,
            clusterReadyTicks,
            Path.of(line.substring(KUBECONFIG.length())),
            stderr,
            output,
            outputNanos);
      }
    }
    process.destroyForcibly();
    throw new IOException(
        "tributary up ended before it was ready; stdout: "
            + output
            + " stderr: "
            + Files.readString(stderr));
  }

  /**
   * Wall time from spawning the launcher to reading the API server's ready line, in nanoseconds.
   */
  long readyNanos() {
    return readyNanos;
  }

  /**
   * CPU time (user + system, all threads: JIT and GC included) the JVM had used when it printed the
   * ready line, in milliseconds: steadier than wall time on a machine other work shares.
   */
  long readyCpuMillis() {
    return readyCpuTicks * 10;
  }

  /**
   * Wall time from spawning the launcher to reading the first stdout line that starts with {@code
   * prefix}, in nanoseconds; -1 if no line up to the kubeconfig line did.
   */
  long lineNanos(String prefix) {
    for (int i = 0; i < output.size(); i++) {
      if (output.get(i).startsWith(prefix)) {
        return outputNanos.get(i);
      }
    }
    return -1;
  }

  /**
   * Wall time from spawning the launcher to the cluster's ready line ({@code tributary: ready at},
   * printed once the release's Deployments are available), in nanoseconds.
   */
  long clusterReadyNanos() {
    return lineNanos(CLUSTER_READY);
  }

  /**
   * CPU time (user + system, all threads) the JVM had used when it printed the kubeconfig line,
   * right after the cluster's ready line, in milliseconds.
   */
  long clusterReadyCpuMillis() {
    return clusterReadyCpuTicks * 10;
  }

  /**
   * The seconds the process reports in the cluster's ready line (its own start to ready, JVM boot
   * excluded).
   */
  double reportedSeconds() {
    for (String line : output) {
      if (line.startsWith(CLUSTER_READY)) {
        int open = line.lastIndexOf('(');
        int close = line.lastIndexOf("s)");
        return Double.parseDouble(line.substring(open + 1, close));
      }
    }
    throw new IllegalStateException("no cluster ready line in " + output);
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The JVM's pid: the launcher execs java, so it is the spawned process's. */
  long pid() {
    return process.pid();
  }

  /** Resident set size from /proc/PID/status, in KiB. */
  long rssKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
      }
    }
    throw new IOException("no VmRSS in /proc/" + pid() + "/status");
  }

  /** What the process wrote to stderr so far. */
  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  /** stdout up to the kubeconfig line. */
  List<String> output() {
    return output;
  }

  /** For each line of {@link #output}, the wall time from spawning the launcher, in nanoseconds. */
  List<Long> outputNanos() {
    return outputNanos;
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      Files.deleteIfExists(stderr);
    }
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // The process's later lines ("stopping", "stopped") are not measured.
      }
    } catch (IOException e) {
      // The process ended and closed its stdout: nothing more to drain.
    }
  }
}
