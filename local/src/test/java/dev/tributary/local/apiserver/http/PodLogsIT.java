package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.kubelet.logs.FileContainerLogs;
import dev.tributary.runtime.LogSink;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pods/log served from a {@link FileContainerLogs} the test writes to as a kubelet would, read with
 * the real kubectl and with fabric8. Each test uses pods of its own namespace.
 */
class PodLogsIT {

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private static FileContainerLogs logs;

  @BeforeAll
  static void start() throws Exception {
    logs = new FileContainerLogs(temp.resolve("logs"), Clock.systemUTC());
    cluster =
        TestCluster.start(
            temp.resolve("data"),
            config -> config.withExtensions(config.extensions().withPodLogs(logs)));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void kubectlLogsTailAndTimestamps() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    String ns = namespace("plain");
    LogSink sink = run(ns, "web", "app", 0);
    sink.line("one");
    sink.line("two\nthree");

    assertThat(kubectl("logs", "-n", ns, "web")).isEqualTo("one\ntwo\nthree\n");
    assertThat(kubectl("logs", "-n", ns, "web", "--tail=2")).isEqualTo("two\nthree\n");
    assertThat(kubectl("logs", "-n", ns, "web", "--timestamps").split("\n"))
        .hasSize(3)
        .allMatch(
            line ->
                line.matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z (one|two|three)"));
    assertThat(kubectl("logs", "-n", ns, "web", "--limit-bytes=6")).isEqualTo("one\ntw");
  }

  @Test
  void kubectlLogsBySelectorReadsEveryPod() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    String ns = namespace("selector");
    run(ns, "a", "app", 0).line("from a");
    run(ns, "b", "app", 0).line("from b");

    String output = kubectl("logs", "-n", ns, "-l", "app=x", "--tail=100");
    assertThat(output.split("\n")).containsExactlyInAnyOrder("from a", "from b");
  }

  @Test
  void kubectlLogsPreviousReadsTheRunBefore() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    String ns = namespace("previous");
    run(ns, "web", "app", 0).line("first run");

    assertThat(kubectl("logs", "-n", ns, "web", "--previous"))
        .contains(
            "Error from server (BadRequest): previous terminated container \"app\" in pod \"web\""
                + " not found");

    run(ns, "web", "app", 1).line("second run");

    assertThat(kubectl("logs", "-n", ns, "web")).isEqualTo("second run\n");
    assertThat(kubectl("logs", "-n", ns, "web", "--previous")).isEqualTo("first run\n");
  }

  @Test
  void kubectlLogsFollowEndsWhenTheContainerEnds() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    String ns = namespace("follow");
    LogSink sink = run(ns, "web", "app", 0);
    sink.line("before");

    CompletableFuture<String> followed =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return kubectl("logs", "-n", ns, "-f", "web");
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    sink.line("while following");
    terminate(ns, "web", "app");

    assertThat(followed.get(60, TimeUnit.SECONDS)).isEqualTo("before\nwhile following\n");
  }

  @Test
  void followStreamsLinesAsTheyAreWritten() throws Exception {
    String ns = namespace("stream");
    LogSink sink = run(ns, "web", "app", 0);
    sink.line("first");

    try (LogWatch watch = client.pods().inNamespace(ns).withName("web").watchLog();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).isEqualTo("first");
      sink.line("second");
      assertThat(reader.readLine()).isEqualTo("second");
      sink.line("third");
      assertThat(reader.readLine()).isEqualTo("third");
      terminate(ns, "web", "app");
      assertThat(reader.readLine()).isNull();
    }
  }

  @Test
  void aContainerNotStartedKeepsItsBadRequest() throws Exception {
    assumeTrue(Kubectl.installed(), "kubectl is not installed");
    String ns = namespace("pending");
    createPod(ns, "web", "app");

    assertThat(kubectl("logs", "-n", ns, "web"))
        .contains(
            "Error from server (BadRequest): container \"app\" in pod \"web\" is waiting to"
                + " start: ContainerCreating");
  }

  // ---- a kubelet's part, played by the test ----

  private static String namespace(String name) {
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build())
        .create();
    return name;
  }

  private static Pod createPod(String ns, String name, String container) {
    return client
        .pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", "x")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(container)
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  /**
   * Starts run {@code restartCount} of the pod's container (creating the pod for run 0), reporting
   * it running as a kubelet would, and returns its log.
   */
  private static LogSink run(String ns, String name, String container, int restartCount) {
    Pod pod =
        restartCount == 0
            ? createPod(ns, name, container)
            : client.pods().inNamespace(ns).withName(name).get();
    LogSink sink = logs.open(ns, name, pod.getMetadata().getUid(), container, restartCount);
    ContainerStatusBuilder status =
        new ContainerStatusBuilder()
            .withName(container)
            .withImage("busybox")
            .withRestartCount(restartCount)
            .withReady(true)
            .withNewState()
            .withNewRunning()
            .withStartedAt("2024-05-01T10:00:00Z")
            .endRunning()
            .endState();
    if (restartCount > 0) {
      status
          .withNewLastState()
          .withNewTerminated()
          .withExitCode(1)
          .withReason("Error")
          .withContainerID("tributary://" + restartCount)
          .endTerminated()
          .endLastState();
    }
    setStatus(ns, name, "Running", status.build());
    return sink;
  }

  private static void terminate(String ns, String name, String container) {
    Pod pod = client.pods().inNamespace(ns).withName(name).get();
    ContainerStatus running = pod.getStatus().getContainerStatuses().get(0);
    setStatus(
        ns,
        name,
        "Succeeded",
        new ContainerStatusBuilder(running)
            .withReady(false)
            .withNewState()
            .withNewTerminated()
            .withExitCode(0)
            .withReason("Completed")
            .endTerminated()
            .endState()
            .build());
  }

  private static void setStatus(String ns, String name, String phase, ContainerStatus status) {
    client
        .pods()
        .inNamespace(ns)
        .withName(name)
        .editStatus(
            pod ->
                new PodBuilder(pod)
                    .editOrNewStatus()
                    .withPhase(phase)
                    .withContainerStatuses(status)
                    .endStatus()
                    .build());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .pods()
                    .inNamespace(ns)
                    .withName(name)
                    .get()
                    .getStatus()
                    .getPhase()
                    .equals(phase));
  }

  private static String kubectl(String... args) throws Exception {
    return new Kubectl(temp.resolve("kubectl-home"), cluster.kubeconfig).run(args).output();
  }
}
