package dev.tributary.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tributary up --data-dir DIR --port 0} as a user runs it, for the tests: a JVM of its own
 * on this test's class path, its stdout and stderr going to a log file. The caller owns the process
 * and must stop it.
 */
public final class UpLauncher {

  private UpLauncher() {}

  /** Starts {@code up} on {@code dataDir} and any free port, its output going to {@code log}. */
  public static Process start(Path dataDir, Path log) throws IOException {
    return start(dataDir, log, 0);
  }

  /** Starts {@code up} on {@code dataDir} and {@code port}, its output going to {@code log}. */
  public static Process start(Path dataDir, Path log, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            TributaryCommand.class.getName(),
            "up",
            "--data-dir",
            dataDir.toString(),
            "--port",
            String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** The lines {@code log} holds so far (none before it exists). */
  public static List<String> lines(Path log) throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }
}
