package dev.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code kubectl} (from PATH) against one kubeconfig, as the walkthrough does. */
final class KubectlRunner {

  private final Path kubeconfig;
  private final Path home;

  /** {@code home} is kubectl's HOME (its cache directory lives there). */
  KubectlRunner(Path kubeconfig, Path home) {
    this.kubeconfig = kubeconfig;
    this.home = home;
  }

  /**
   * Runs {@code kubectl ARGS...} and returns its output (stdout and stderr).
   *
   * @throws IOException when kubectl exits non-zero or takes over 120 s; the message holds its
   *     output
   */
  String run(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add("kubectl");
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("HOME", home.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("kubectl " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
