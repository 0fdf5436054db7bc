package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Child JVMs on the test's class path, for tests of commands that act on other processes. */
final class ChildProcesses implements AutoCloseable {

  private final List<Process> started = new ArrayList<>();

  /** Starts {@code mainClass} with {@code args}, its stdout and stderr merged. */
  Process java(Class<?> mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    started.add(process);
    return process;
  }

  /** Starts a {@link LockHoldingMain} on {@code dataDir} and waits until it holds the lock. */
  Process lockHolder(Path dataDir, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of(dataDir.toString()));
    args.addAll(List.of(more));
    Process process = java(LockHoldingMain.class, args.toArray(String[]::new));
    awaitLine(process, "locked");
    return process;
  }

  /** Reads the child's output up to {@code expected}; fails with what it printed otherwise. */
  static void awaitLine(Process process, String expected) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> untilSeen =
        CompletableFuture.supplyAsync(
            () -> {
              StringBuilder seen = new StringBuilder();
              try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  if (line.equals(expected)) {
                    return null;
                  }
                  seen.append(line).append('\n');
                }
              } catch (IOException e) {
                seen.append(e);
              }
              return seen.toString();
            });
    assertThat(untilSeen.get(60, TimeUnit.SECONDS)).as("child output before it exited").isNull();
  }

  /** Kills every child still running and waits for it. */
  @Override
  public void close() throws InterruptedException {
    for (Process process : started) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
