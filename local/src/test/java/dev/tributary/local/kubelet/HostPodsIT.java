package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.Kubectl;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unmapped images: host processes when the container gives a command, else ErrImagePull. */
class HostPodsIT {

  @TempDir static Path dir;
  static KubeletCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster =
        KubeletCluster.start(
            dir,
            KubeletSettings.defaults().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(1)));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aCommandRunsAsAHostProcessAndSucceeds() {
    Pod pod = create(pod("busybox", "radial/busyboxplus:curl", "Never", List.of(), List.of("ls")));

    Pod done = awaitPhase("busybox", "Succeeded");
    assertThat(done.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getState().getTerminated().getReason()).isEqualTo("Completed");
              assertThat(c.getState().getTerminated().getExitCode()).isZero();
              assertThat(c.getReady()).isFalse();
            });
    // ls ran in the pod's directory, which holds its ServiceAccount credentials.
    assertThat(cluster.logs.text("default", "busybox", "busybox"))
        .contains("kubeconfig", "serviceaccount");
    assertThat(messages(pod))
        .contains("Created: Created container busybox", "Started: Started container busybox");
  }

  @Test
  void containerEventsReferToTheirContainerAndPodEventsToThePod() throws Exception {
    Pod pod =
        create(
            new PodBuilder(pod("parts", "alpine:3", "Never", List.of("true"), List.of()))
                .editSpec()
                .addNewInitContainer()
                .withName("setup")
                .withImage("alpine:3")
                .withCommand("true")
                .endInitContainer()
                .endSpec()
                .build());
    awaitPhase("parts", "Succeeded");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        cluster.events(client, pod).stream()
                            .map(
                                e ->
                                    e.getReason()
                                        + " "
                                        + e.getInvolvedObject().getFieldPath()
                                        + " "
                                        + e.getMessage())
                            .toList())
                    .contains(
                        "Scheduled null Successfully assigned default/parts to tributary",
                        "Pulled spec.initContainers{setup} Container image \"alpine:3\" already"
                            + " present on machine",
                        "Created spec.initContainers{setup} Created container setup",
                        "Started spec.initContainers{setup} Started container setup",
                        "Created spec.containers{parts} Created container parts",
                        "Started spec.containers{parts} Started container parts"));
    // The kubelet says which node reported, as Kubernetes' does; the scheduler names none.
    assertThat(cluster.events(client, pod))
        .allSatisfy(
            e -> {
              boolean kubelet = "kubelet".equals(e.getSource().getComponent());
              assertThat(e.getSource().getHost()).isEqualTo(kubelet ? "tributary" : null);
              assertThat(e.getReportingInstance()).isEqualTo(kubelet ? "tributary" : "");
            });

    if (Kubectl.installed()) {
      Kubectl.Result wide =
          new Kubectl(dir.resolve("kubectl-home"), cluster.kubeconfig)
              .run("get", "events", "-o", "wide");
      assertThat(wide.exitCode()).as(wide.output()).isZero();
      assertThat(wide.output().lines().filter(l -> l.contains("Started container parts")))
          .singleElement()
          .satisfies(l -> assertThat(l).contains("pod/parts", "spec.containers{parts}"));
    }
  }

  @Test
  void aFailingCommandFailsANeverPodWithItsExitCode() {
    create(
        pod(
            "fails",
            "alpine:3",
            "Never",
            List.of("sh", "-c"),
            List.of("echo oops $(WHO); exit 3")));

    Pod failed = awaitPhase("fails", "Failed");
    assertThat(failed.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getState().getTerminated().getReason()).isEqualTo("Error");
              assertThat(c.getState().getTerminated().getExitCode()).isEqualTo(3);
            });
    assertThat(cluster.logs.text("default", "fails", "fails")).isEqualTo("oops world");
  }

  @Test
  void anUnknownImageWithoutACommandCannotBePulled() {
    Pod pod = create(pod("nginx", "nginx:1.25", "Always", List.of(), List.of()));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Pod current = client.pods().inNamespace("default").withName("nginx").get();
              assertThat(current.getStatus().getPhase()).isEqualTo("Pending");
              assertThat(current.getStatus().getContainerStatuses()).isNotEmpty();
              ContainerStateWaiting waiting =
                  current.getStatus().getContainerStatuses().get(0).getState().getWaiting();
              // It alternates between the two, as a kubelet retrying the pull does.
              assertThat(waiting.getReason()).isIn("ErrImagePull", "ImagePullBackOff");
              if (waiting.getReason().equals("ImagePullBackOff")) {
                assertThat(waiting.getMessage()).isEqualTo("Back-off pulling image \"nginx:1.25\"");
              } else {
                assertThat(waiting.getMessage()).contains("images.yaml", "\"nginx:1.25\"");
              }
              assertThat(messages(pod))
                  .contains(
                      "Failed: Error: ErrImagePull",
                      "BackOff: Back-off pulling image \"nginx:1.25\"",
                      "Failed: Error: ImagePullBackOff");
              assertThat(messages(pod))
                  .anySatisfy(
                      m ->
                          assertThat(m)
                              .startsWith("Failed: Failed to pull image \"nginx:1.25\": ")
                              .contains("images.yaml"));
            });
  }

  @Test
  void aCrashingContainerIsRestartedWithBackOff() {
    Pod pod =
        create(
            pod(
                "crash",
                "alpine:3",
                "OnFailure",
                List.of("sh", "-c"),
                List.of("echo run; exit 1")));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Pod current = client.pods().inNamespace("default").withName("crash").get();
              assertThat(current.getStatus().getPhase()).isEqualTo("Running");
              assertThat(current.getStatus().getContainerStatuses()).isNotEmpty();
              var status = current.getStatus().getContainerStatuses().get(0);
              assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(2);
              assertThat(status.getLastState().getTerminated()).isNotNull();
              assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
              assertThat(messages(pod))
                  .contains(
                      "BackOff: Back-off restarting failed container crash in pod crash_default("
                          + pod.getMetadata().getUid()
                          + ")");
            });
    // Each run has its own log, as kubectl logs --previous needs.
    assertThat(cluster.logs.text("default", "crash", "crash", 1)).isEqualTo("run");
  }

  @Test
  void deletionStopsTheContainerGracefullyAndThenCompletes() {
    Pod pod =
        create(
            pod(
                "sleeper",
                "alpine:3",
                "Always",
                List.of("sh", "-c"),
                List.of("trap 'echo bye; exit 0' TERM; echo up; while true; do sleep 0.1; done")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.logs.text("default", "sleeper", "sleeper").contains("up"));
    assertThat(
            client
                .pods()
                .inNamespace("default")
                .withName("sleeper")
                .get()
                .getMetadata()
                .getFinalizers())
        .contains("tributary.dev/kubelet");

    client.pods().inNamespace("default").withName("sleeper").delete();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.pods().inNamespace("default").withName("sleeper").get() == null);
    assertThat(cluster.logs.text("default", "sleeper", "sleeper")).contains("bye");
    assertThat(messages(pod)).contains("Killing: Stopping container sleeper");
  }

  private static Pod pod(
      String name, String image, String policy, List<String> command, List<String> args) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy(policy)
        .withTerminationGracePeriodSeconds(5L)
        .addNewContainer()
        .withName(name)
        .withImage(image)
        .withCommand(command)
        .withArgs(args)
        .addNewEnv()
        .withName("WHO")
        .withValue("world")
        .endEnv()
        .endContainer()
        .endSpec()
        .build();
  }

  private static Pod create(Pod pod) {
    return client.pods().inNamespace("default").resource(pod).create();
  }

  private static Pod awaitPhase(String name, String phase) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> client.pods().inNamespace("default").withName(name).get(),
            p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase()));
  }

  private static List<String> messages(Pod pod) {
    return cluster.events(client, pod).stream()
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }
}
