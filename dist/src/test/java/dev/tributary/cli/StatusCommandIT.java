package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tributary status} where no API server answers: nothing holds the directory, or a process
 * holds it (a child standing for {@code up}) whose API server is not there. {@link StatusDownIT}
 * runs it against a real {@code up}.
 */
class StatusCommandIT {

  @TempDir Path temp;

  private final ChildProcesses children = new ChildProcesses();

  @AfterEach
  void killChildren() throws InterruptedException {
    children.close();
  }

  @Test
  void notRunningExitsThreeAndSaysHowToStart() {
    Path dir = temp.resolve("data");

    CommandRun status = CommandRun.of("status", "--data-dir", dir.toString());

    assertThat(status.exitCode()).isEqualTo(3);
    assertThat(status.out())
        .isEqualTo(
            "tributary: not running on "
                + dir.toAbsolutePath()
                + "\nstart it with: tributary up --data-dir "
                + dir
                + "\n");
    assertThat(status.err()).isEmpty();
    assertThat(dir).doesNotExist();
  }

  @Test
  void aHolderWithoutAKubeconfigYetIsRunningButNotAnswering() throws Exception {
    Path dir = temp.resolve("data");
    Process holder = children.lockHolder(dir);

    CommandRun status = CommandRun.of("status", "--data-dir", dir.toString());

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out())
        .isEqualTo(
            "tributary: running on " + dir.toAbsolutePath() + " (pid " + holder.pid() + ")\n");
    assertThat(status.err())
        .isEqualTo(
            "tributary: no kubeconfig in "
                + dir.toAbsolutePath()
                + " yet; tributary up may still be starting\n");
  }

  @Test
  void anApiServerThatDoesNotAnswerIsSaidSoWithoutAStackTrace() throws Exception {
    Path dir = temp.resolve("data");
    Process holder = children.lockHolder(dir);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Files.writeString(dir.resolve("kubeconfig"), kubeconfig("https://127.0.0.1:" + closedPort));

    CommandRun status = CommandRun.of("status", "--data-dir", dir.toString());

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.out())
        .isEqualTo(
            "tributary: running on "
                + dir.toAbsolutePath()
                + " (pid "
                + holder.pid()
                + ")\nAPI server: https://127.0.0.1:"
                + closedPort
                + "\nexport KUBECONFIG="
                + dir.toAbsolutePath().resolve("kubeconfig")
                + "\n");
    assertThat(status.err())
        .startsWith(
            "tributary: the API server at https://127.0.0.1:" + closedPort + " does not answer (")
        .endsWith("); if tributary up is still starting, try again in a moment\n")
        .doesNotContain("\tat ");
  }

  private static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: tributary
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: not-a-real-token
        contexts:
        - name: tributary
          context:
            cluster: tributary
            user: admin
        current-context: tributary
        """
        .formatted(server);
  }
}
