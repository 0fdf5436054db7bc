package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary up} as a user runs it: a separate JVM, stopped with SIGTERM. */
class UpCommandIT {

  @TempDir Path temp;

  @Test
  void upServesWritesTheKubeconfigRefusesASecondUpAndStopsOnSigterm() throws Exception {
    Path dataDir = temp.resolve("data");
    Path log = temp.resolve("up.log");
    Process first = UpLauncher.start(dataDir, log);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  UpLauncher.lines(log).stream().anyMatch(l -> l.startsWith("export KUBECONFIG=")));
      assertThat(UpLauncher.lines(log))
          .anyMatch(
              l -> l.matches("tributary: ready at https://127\\.0\\.0\\.1:\\d+ \\(\\d+\\.\\ds\\)"))
          .anyMatch(l -> l.startsWith("tributary: API server ready at https://127.0.0.1:"))
          .contains(
              "tributary: kubelet running (node tributary)",
              "tributary: knative-eventing/eventing-webhook available",
              "tributary: knative-eventing/eventing-controller available",
              "export KUBECONFIG=" + dataDir.resolve("kubeconfig"));
      assertThat(Files.readString(dataDir.resolve("kubeconfig")))
          .contains("server: https://127.0.0.1:");

      Path secondLog = temp.resolve("second.log");
      Process second = UpLauncher.start(dataDir, secondLog);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(UpLauncher.lines(secondLog))
          .anyMatch(l -> l.contains("another tributary is running on"));

      // Another data dir on the first one's port: refused with what to do about it.
      String port =
          UpLauncher.lines(log).stream()
              .filter(l -> l.startsWith("tributary: API server ready at https://127.0.0.1:"))
              .findFirst()
              .orElseThrow()
              .replaceAll(".*:(\\d+)$", "$1");
      Path thirdLog = temp.resolve("third.log");
      Process third = UpLauncher.start(temp.resolve("other"), thirdLog, Integer.parseInt(port));
      assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(third.exitValue()).isEqualTo(1);
      assertThat(UpLauncher.lines(thirdLog))
          .contains(
              "tributary: port "
                  + port
                  + " on 127.0.0.1 is taken (another cluster? `tributary status --data-dir DIR`"
                  + " tells); choose another with --port, or --port 0 for any free one");
    } finally {
      first.destroy(); // SIGTERM
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(UpLauncher.lines(log)).contains("tributary: stopping", "tributary: stopped");
    assertThat(Files.size(dataDir.resolve("lock"))).as("the lock is released").isZero();
  }
}
