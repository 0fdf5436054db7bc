package dev.tributary.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code tributary up} process, started through the launcher script exactly as a user
 * starts it, and the figures of its start: wall time from spawning the launcher to the ready line,
 * and the time the process reports itself. Its stderr goes to a file (checked for JVM warnings).
 * Close it to stop the process (SIGTERM, then SIGKILL after 30 s). Not thread-safe.
 */
final class UpProcess implements AutoCloseable {

  private static final String READY = "tributary: API server ready at ";
  private static final String KUBECONFIG = "export KUBECONFIG=";

  private final Process process;
  private final long readyNanos;
  private final long readyCpuTicks;
  private final String readyLine;
  private final Path kubeconfig;
  private final Path stderr;
  private final List<String> output;

  private UpProcess(
      Process process,
      long readyNanos,
      long readyCpuTicks,
      String readyLine,
      Path kubeconfig,
      Path stderr,
      List<String> output) {
    this.process = process;
    this.readyNanos = readyNanos;
    this.readyCpuTicks = readyCpuTicks;
    this.readyLine = readyLine;
    this.kubeconfig = kubeconfig;
    this.stderr = stderr;
    this.output = output;
  }

  /**
   * Runs {@code launcher up --data-dir dataDir --port 0} and blocks until it prints its kubeconfig
   * line (which follows the ready line).
   *
   * @throws IOException if the process ends before it is ready; the message holds its output
   */
  static UpProcess start(Path launcher, Path dataDir) throws IOException {
    Path stderr = Files.createTempFile("tributary-up", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                launcher.toString(), "up", "--data-dir", dataDir.toString(), "--port", "0")
            .redirectError(stderr.toFile());
    long spawned = System.nanoTime();
    Process process = builder.start();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> output = new ArrayList<>();
    long ready = -1;
    long readyTicks = -1;
    String readyLine = null;
    String line;
    while ((line = lines.readLine()) != null) {
      output.add(line);
      if (line.startsWith(READY)) {
        ready = System.nanoTime() - spawned;
        readyTicks = CpuMeter.ticks(process.pid());
        readyLine = line;
      } else if (line.startsWith(KUBECONFIG) && readyLine != null) {
        Thread drain = new Thread(() -> drain(lines), "up-stdout");
        drain.setDaemon(true);
        drain.start();
        return new UpProcess(
            process,
            ready,
            readyTicks,
            readyLine,
            Path.of(line.substring(KUBECONFIG.length())),
            stderr,
            output);
      }
    }
    process.destroyForcibly();
    throw new IOException(
        "tributary up ended before it was ready; stdout: "
            + output
            + " stderr: "
            + Files.readString(stderr));
  }

  /** Wall time from spawning the launcher to reading the ready line, in nanoseconds. */
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

  /** The seconds the process reports in its ready line (its own start, JVM boot excluded). */
  double reportedSeconds() {
    int open = readyLine.lastIndexOf('(');
    int close = readyLine.lastIndexOf("s)");
    return Double.parseDouble(readyLine.substring(open + 1, close));
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
