package dev.tributary.local.apiserver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl, run to completion against one kubeconfig with a HOME of its own (so no cache or
 * config of the machine plays a part), stdin closed, stderr merged into stdout. A kubectl that has
 * not ended after 60 s is killed and reported with exit code -1, so a test never hangs.
 *
 * @param home the HOME kubectl gets (created if missing)
 * @param kubeconfig the kubeconfig it uses
 */
public record Kubectl(Path home, Path kubeconfig) {

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String output) {}

  /** Whether kubectl is on the PATH; tests that need it are skipped where it is not. */
  public static boolean installed() {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
  }

  /** Runs {@code kubectl args...} and waits for it. */
  public Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", Files.createDirectories(home).toString());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    // read on another thread, so that a kubectl that never ends can still be killed
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return new Result(exited ? process.exitValue() : -1, output.get(10, TimeUnit.SECONDS));
  }
}
