package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.local.apiserver.Kubectl.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl over defaulted objects: its columns show the defaults, and applying the
 * project's examples twice leaves them unchanged (defaulting makes no diff). Skipped where kubectl
 * is not installed.
 */
class DefaultsKubectlIT {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static Path home;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    cluster = TestCluster.start(temp.resolve("data"));
    home = Files.createDirectories(temp.resolve("home"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void applyingTheEventDisplayExampleTwiceLeavesItUnchanged() throws Exception {
    String file = EXAMPLES.resolve("event-display.yaml").toString();

    Result first = kubectl("apply", "-f", file);
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("deployment.apps/event-display created")
        .contains("service/event-display created");

    Result second = kubectl("apply", "-f", file);
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output())
        .contains("deployment.apps/event-display unchanged")
        .contains("service/event-display unchanged");

    Result services = kubectl("get", "svc", "event-display");
    assertThat(services.exitCode()).as(services.output()).isZero();
    String row = services.output().lines().skip(1).findFirst().orElseThrow();
    assertThat(row.split("\\s+")[2]).as(services.output()).startsWith("127.96.");
    assertThat(row).contains("80/TCP");

    Result diff = kubectl("diff", "-f", file);
    assertThat(diff.exitCode()).as(diff.output()).isZero();
  }

  @Test
  void theV1beta1CronJobExampleAppliesAndIsNotSuspended() throws Exception {
    String file = EXAMPLES.resolve("cronjob.yaml").toString();

    Result first = kubectl("apply", "-f", file);
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("cronjob.batch/heartbeat-cron created");

    Result second = kubectl("apply", "-f", file);
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("cronjob.batch/heartbeat-cron unchanged");

    Result table = kubectl("get", "cronjob", "heartbeat-cron");
    assertThat(table.exitCode()).as(table.output()).isZero();
    List<String> lines = table.output().lines().toList();
    List<String> header = Arrays.asList(lines.get(0).trim().split("\\s{2,}"));
    List<String> row = Arrays.asList(lines.get(1).trim().split("\\s{2,}"));
    assertThat(row.get(header.indexOf("SUSPEND"))).as(table.output()).isEqualTo("False");
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(home, cluster.kubeconfig).run(args);
  }
}
