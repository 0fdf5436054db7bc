package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.datadir.DataDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary status} and {@code tributary down} around a real {@code tributary up} in a
 * separate JVM, as a user runs them from another terminal (here in-process, through picocli).
 */
class StatusDownIT {

  @TempDir Path temp;

  @Test
  void statusShowsWhatRunsWhereAndDownStopsIt() throws Exception {
    Path dataDir = temp.resolve("data");
    String dir = dataDir.toString();
    Path absolute = dataDir.toAbsolutePath();

    CommandRun before = CommandRun.of("status", "--data-dir", dir);
    assertThat(before.exitCode()).isEqualTo(StatusCommand.NOT_RUNNING);
    assertThat(before.out()).startsWith("tributary: not running on " + absolute + "\n");

    Path log = temp.resolve("up.log");
    Process up = UpLauncher.start(dataDir, log);
    try {
      await() // an upper bound for a loaded machine; up is ready in seconds on an idle one
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  UpLauncher.lines(log).stream().anyMatch(l -> l.startsWith("export KUBECONFIG=")));
      String url =
          UpLauncher.lines(log).stream()
              .filter(l -> l.startsWith("tributary: ready at "))
              .findFirst()
              .orElseThrow()
              .replaceAll("^tributary: ready at (\\S+) .*$", "$1");

      CommandRun status = CommandRun.of("status", "--data-dir", dir);

      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out())
          .startsWith(
              "tributary: running on "
                  + absolute
                  + " (pid "
                  + up.pid()
                  + ")\nAPI server: "
                  + url
                  + "\nexport KUBECONFIG="
                  + absolute.resolve("kubeconfig")
                  + "\n\nKnative control plane (namespace knative-eventing):\n"
                  + "NAME ")
          .containsPattern("(?m)^NAME +READY +UP-TO-DATE +AVAILABLE +AGE$")
          .containsPattern("(?m)^eventing-controller +1/1 +1 +1 +\\S+$")
          .containsPattern("(?m)^eventing-webhook +1/1 +1 +1 +\\S+$")
          .containsPattern(
              "(?m)^knative-eventing +eventing-controller-[a-z0-9]+-[a-z0-9]{5} +1/1 +Running +0"
                  + " +\\S+ +127\\.\\d+\\.\\d+\\.\\d+$")
          .containsPattern(
              "(?m)^knative-eventing +eventing-webhook-[a-z0-9]+-[a-z0-9]{5} +1/1 +Running +0"
                  + " +\\S+ +127\\.\\d+\\.\\d+\\.\\d+$")
          .containsPattern(
              "(?m)^knative-eventing +eventing-webhook +ClusterIP +127\\.96\\.\\d+\\.\\d+"
                  + " +443/TCP$");

      CommandRun down = CommandRun.of("down", "--data-dir", dir);

      assertThat(down.exitCode()).as(down.err()).isZero();
      assertThat(down.out())
          .isEqualTo(
              "tributary: stopping pid "
                  + up.pid()
                  + " on "
                  + absolute
                  + "\ntributary: stopped (pid "
                  + up.pid()
                  + ")\n");
      assertThat(up.isAlive()).isFalse();
      assertThat(DataDir.at(dataDir).holder()).isEmpty();
      assertThat(UpLauncher.lines(log)).contains("tributary: stopping", "tributary: stopped");
    } finally {
      up.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    CommandRun after = CommandRun.of("status", "--data-dir", dir);
    assertThat(after.exitCode()).isEqualTo(StatusCommand.NOT_RUNNING);
    assertThat(after.out()).startsWith("tributary: not running on " + absolute + "\n");

    CommandRun downAgain = CommandRun.of("down", "--data-dir", dir);
    assertThat(downAgain.exitCode()).isZero();
    assertThat(downAgain.out()).isEqualTo("tributary: not running on " + absolute + "\n");
  }
}
