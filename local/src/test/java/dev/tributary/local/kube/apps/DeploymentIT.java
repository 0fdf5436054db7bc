package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.Kubectl;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.local.kube.WorkloadControllers;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deployment and ReplicaSet controllers against the local API server, driven by the real
 * kubectl where its output matters. No kubelet runs here: the test marks pods Ready itself, as a
 * kubelet would.
 */
class DeploymentIT {

  private static final String ALPHABET = "[bcdfghjklmnpqrstvwxz2456789]";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private static WorkloadControllers controllers;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
    controllers = WorkloadControllers.start(client, Clock.systemUTC(), WAIT);
    kubectl = new Kubectl(temp.resolve("home"), cluster.kubeconfig);
  }

  @AfterAll
  static void stop() throws Exception {
    if (controllers != null) {
      controllers.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eventDisplayRollsOutScalesAndBecomesAvailable() throws Exception {
    String ns = namespace("display");
    Kubectl.Result applied = kubectl("apply", "-n", ns, "-f", example("event-display.yaml"));
    assertThat(applied.exitCode()).as(applied.output()).isZero();

    ReplicaSet rs =
        await()
            .atMost(WAIT)
            .until(() -> replicaSets(ns), list -> list.size() == 1 && pods(ns).size() == 1)
            .get(0);
    String rsName = rs.getMetadata().getName();
    assertThat(rsName).matches("event-display-" + ALPHABET + "{1,10}");
    String hash = rsName.substring("event-display-".length());
    assertThat(rs.getSpec().getSelector().getMatchLabels())
        .containsEntry("app", "event-display")
        .containsEntry("pod-template-hash", hash);
    assertThat(rs.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("Deployment");
              assertThat(ref.getName()).isEqualTo("event-display");
              assertThat(ref.getController()).isTrue();
              assertThat(ref.getBlockOwnerDeletion()).isTrue();
            });
    Pod pod = pods(ns).get(0);
    assertThat(pod.getMetadata().getName()).matches(rsName + "-" + ALPHABET + "{5}");
    assertThat(pod.getMetadata().getLabels()).containsEntry("pod-template-hash", hash);

    Kubectl.Result scaled = kubectl("scale", "-n", ns, "deployment/event-display", "--replicas=2");
    assertThat(scaled.exitCode()).as(scaled.output()).isZero();
    await().atMost(WAIT).until(() -> pods(ns).size() == 2);
    Deployment unready = deployment(ns, "event-display");
    assertThat(condition(unready, "Available").map(DeploymentCondition::getReason))
        .hasValue("MinimumReplicasUnavailable");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              markAllReady(ns);
              Deployment d = deployment(ns, "event-display");
              assertThat(d.getStatus().getReadyReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getObservedGeneration())
                  .isEqualTo(d.getMetadata().getGeneration());
              assertThat(condition(d, "Available").map(DeploymentCondition::getReason))
                  .hasValue("MinimumReplicasAvailable");
              assertThat(condition(d, "Progressing").map(DeploymentCondition::getMessage))
                  .hasValue("ReplicaSet \"" + rsName + "\" has successfully progressed.");
            });

    Kubectl.Result rollout =
        kubectl("rollout", "status", "-n", ns, "deployment/event-display", "--timeout=20s");
    assertThat(rollout.exitCode()).as(rollout.output()).isZero();
    assertThat(rollout.output()).contains("deployment \"event-display\" successfully rolled out");
    Kubectl.Result table = kubectl("get", "deploy", "-n", ns);
    assertThat(table.output()).containsPattern("event-display\\s+2/2\\s+2\\s+2");
    Kubectl.Result rsTable = kubectl("get", "rs", "-n", ns);
    assertThat(rsTable.output()).containsPattern(rsName + "\\s+2\\s+2\\s+2");

    assertThat(eventMessages(ns, "Deployment", "ScalingReplicaSet"))
        .contains(
            "Scaled up replica set " + rsName + " from 0 to 1",
            "Scaled up replica set " + rsName + " from 1 to 2");
    List<String> podNames = pods(ns).stream().map(p -> p.getMetadata().getName()).toList();
    assertThat(eventMessages(ns, "ReplicaSet", "SuccessfulCreate"))
        .containsAll(podNames.stream().map(n -> "Created pod: " + n).toList());

    Kubectl.Result down = kubectl("scale", "-n", ns, "deployment/event-display", "--replicas=1");
    assertThat(down.exitCode()).as(down.output()).isZero();
    await().atMost(WAIT).until(() -> pods(ns).size() == 1);
    assertThat(eventMessages(ns, "ReplicaSet", "SuccessfulDelete")).hasSize(1);
  }

  @Test
  void templateChangeRollsToANewReplicaSetAndScalesTheOldToZero() throws Exception {
    String ns = namespace("rolling");
    Kubectl.Result applied = kubectl("apply", "-n", ns, "-f", example("event-display.yaml"));
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    kubectl("scale", "-n", ns, "deployment/event-display", "--replicas=2");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              markAllReady(ns);
              assertThat(deployment(ns, "event-display").getStatus().getAvailableReplicas())
                  .isEqualTo(2);
            });
    String oldName = replicaSets(ns).get(0).getMetadata().getName();

    Kubectl.Result set =
        kubectl(
            "set", "image", "-n", ns, "deployment/event-display", "event-display=example/other:2");
    assertThat(set.exitCode()).as(set.output()).isZero();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              markAllReady(ns);
              List<ReplicaSet> all = replicaSets(ns);
              assertThat(all).hasSize(2);
              ReplicaSet old = byName(all, oldName);
              ReplicaSet fresh = all.stream().filter(rs -> rs != old).findFirst().orElseThrow();
              assertThat(old.getSpec().getReplicas()).isZero();
              assertThat(fresh.getSpec().getReplicas()).isEqualTo(2);
              assertThat(fresh.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                  .isEqualTo("example/other:2");
              assertThat(fresh.getMetadata().getAnnotations())
                  .containsEntry("deployment.kubernetes.io/revision", "2");
              assertThat(pods(ns))
                  .hasSize(2)
                  .allSatisfy(
                      p ->
                          assertThat(p.getMetadata().getName())
                              .startsWith(fresh.getMetadata().getName() + "-"));
              Deployment d = deployment(ns, "event-display");
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(d.getMetadata().getAnnotations())
                  .containsEntry("deployment.kubernetes.io/revision", "2");
            });
    assertThat(eventMessages(ns, "Deployment", "ScalingReplicaSet"))
        .anyMatch(m -> m.startsWith("Scaled down replica set " + oldName + " from "));
  }

  @Test
  void recreateScalesTheOldReplicaSetDownBeforeTheNewOneUp() throws Exception {
    String ns = namespace("recreate");
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewStrategy()
                .withType("Recreate")
                .endStrategy()
                .withNewSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endSelector()
                .withTemplate(Fixtures.template("nginx:1"))
                .endSpec()
                .build())
        .create();
    await().atMost(WAIT).until(() -> pods(ns).size() == 2);
    String oldName = replicaSets(ns).get(0).getMetadata().getName();

    Kubectl.Result set = kubectl("set", "image", "-n", ns, "deployment/web", "web=nginx:2");
    assertThat(set.exitCode()).as(set.output()).isZero();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              List<ReplicaSet> all = replicaSets(ns);
              assertThat(all).hasSize(2);
              assertThat(byName(all, oldName).getSpec().getReplicas()).isZero();
              assertThat(pods(ns))
                  .hasSize(2)
                  .noneMatch(p -> p.getMetadata().getName().startsWith(oldName + "-"));
            });
    List<String> scaling = eventMessages(ns, "Deployment", "ScalingReplicaSet");
    int down = indexOfPrefix(scaling, "Scaled down replica set " + oldName + " from 2 to 0");
    int up = indexOfPrefix(scaling, "Scaled up replica set web-");
    assertThat(down).isNotNegative();
    assertThat(scaling.subList(down, scaling.size()))
        .anyMatch(m -> m.startsWith("Scaled up replica set web-") && !m.contains(oldName));
    assertThat(up).isNotNegative();
  }

  @Test
  void pausedDeploymentScalesButDoesNotRollUntilResumed() throws Exception {
    String ns = namespace("paused");
    Kubectl.Result applied = kubectl("apply", "-n", ns, "-f", example("event-display.yaml"));
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    await().atMost(WAIT).until(() -> pods(ns).size() == 1);
    String first = replicaSets(ns).get(0).getMetadata().getName();

    Kubectl.Result paused = kubectl("rollout", "pause", "-n", ns, "deployment/event-display");
    assertThat(paused.exitCode()).as(paused.output()).isZero();
    kubectl("set", "image", "-n", ns, "deployment/event-display", "event-display=example/b:1");
    kubectl("scale", "-n", ns, "deployment/event-display", "--replicas=2");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Deployment d = deployment(ns, "event-display");
              assertThat(condition(d, "Progressing"))
                  .hasValueSatisfying(
                      c -> {
                        assertThat(c.getStatus()).isEqualTo("Unknown");
                        assertThat(c.getReason()).isEqualTo("DeploymentPaused");
                        assertThat(c.getMessage()).isEqualTo("Deployment is paused");
                      });
              assertThat(replicaSets(ns))
                  .singleElement()
                  .satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isEqualTo(2));
              assertThat(pods(ns)).hasSize(2);
            });
    assertThat(replicaSets(ns).get(0).getMetadata().getName()).isEqualTo(first);

    Kubectl.Result resumed = kubectl("rollout", "resume", "-n", ns, "deployment/event-display");
    assertThat(resumed.exitCode()).as(resumed.output()).isZero();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              markAllReady(ns);
              assertThat(replicaSets(ns)).hasSize(2);
              assertThat(byName(replicaSets(ns), first).getSpec().getReplicas()).isZero();
            });
  }

  @Test
  void deletingTheDeploymentRemovesItsReplicaSetsAndPods() throws Exception {
    String ns = namespace("delete");
    Kubectl.Result applied = kubectl("apply", "-n", ns, "-f", example("event-display.yaml"));
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    await().atMost(WAIT).until(() -> pods(ns).size() == 1);

    Kubectl.Result deleted = kubectl("delete", "-n", ns, "deployment", "event-display");
    assertThat(deleted.exitCode()).as(deleted.output()).isZero();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(replicaSets(ns)).isEmpty();
              assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
            });
  }

  private static String namespace(String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  private static Kubectl.Result kubectl(String... args) throws Exception {
    return kubectl.run(args);
  }

  private static String example(String name) {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here.resolve("examples");
    return (Files.isDirectory(dir) ? dir : here.getParent().resolve("examples"))
        .resolve(name)
        .toString();
  }

  private static List<ReplicaSet> replicaSets(String ns) {
    return client.apps().replicaSets().inNamespace(ns).list().getItems();
  }

  private static ReplicaSet byName(List<ReplicaSet> all, String name) {
    return all.stream()
        .filter(rs -> rs.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Pods not being deleted. */
  private static List<Pod> pods(String ns) {
    return client.pods().inNamespace(ns).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static Deployment deployment(String ns, String name) {
    return client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static Optional<DeploymentCondition> condition(Deployment d, String type) {
    return d.getStatus() == null || d.getStatus().getConditions() == null
        ? Optional.empty()
        : d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** What a kubelet would write once a pod's containers run and pass their probes. */
  private static void markAllReady(String ns) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (Pod pod : pods(ns)) {
      boolean ready =
          pod.getStatus() != null
              && pod.getStatus().getConditions() != null
              && pod.getStatus().getConditions().stream()
                  .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (ready) {
        continue;
      }
      client
          .pods()
          .inNamespace(ns)
          .withName(pod.getMetadata().getName())
          .editStatus(
              p -> {
                p.getStatus().setPhase("Running");
                List<PodCondition> conditions = new ArrayList<>();
                conditions.add(
                    new PodConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withLastTransitionTime(now)
                        .build());
                p.getStatus().setConditions(conditions);
                return p;
              });
    }
  }

  /** Messages of the Events with {@code reason} about objects of {@code kind}, oldest first. */
  private static List<String> eventMessages(String ns, String kind, String reason) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> kind.equals(e.getInvolvedObject().getKind()) && reason.equals(e.getReason()))
        .sorted(
            java.util.Comparator.comparing((Event e) -> String.valueOf(e.getFirstTimestamp()))
                .thenComparing(e -> e.getMetadata().getName()))
        .map(Event::getMessage)
        .toList();
  }

  private static int indexOfPrefix(List<String> messages, String prefix) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
