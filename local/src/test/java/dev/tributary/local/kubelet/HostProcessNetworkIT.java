package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host process reaches a Service by the cluster URL its pod gives it: the kubelet hands it the
 * Service's cluster IP in place of the name (which resolves only in this JVM), in its env and in
 * its command line, while the pod object keeps the name.
 */
class HostProcessNetworkIT {

  private static final String SINK = "http://event-display.default.svc.cluster.local";

  @TempDir static Path dir;
  static KubeletCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = KubeletCluster.startWithNetwork(dir, KubeletSettings.defaults());
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aHostProcessGetsItsSinkAsTheServicesClusterIpAndReachesIt() {
    client
        .pods()
        .inNamespace("default")
        .resource(
            new PodBuilder(InJvmPodsIT.eventDisplay("display"))
                .editMetadata()
                .withLabels(Map.of("app", "event-display"))
                .endMetadata()
                .build())
        .create();
    String clusterIp =
        client
            .services()
            .inNamespace("default")
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("event-display")
                    .endMetadata()
                    .withNewSpec()
                    .withSelector(Map.of("app", "event-display"))
                    .addNewPort()
                    .withPort(80)
                    .withTargetPort(new IntOrString(8080))
                    .endPort()
                    .endSpec()
                    .build())
            .create()
            .getSpec()
            .getClusterIP();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.network.names().clusterIp("default", "event-display").isPresent());
    awaitPhase("display", "Running");

    client
        .pods()
        .inNamespace("default")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("sender")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("sender")
                .withImage("radial/busyboxplus:curl")
                .withCommand("sh", "-c")
                .withArgs(
                    "echo \"env=$K_SINK arg=$(K_SINK) literal="
                        + SINK
                        + "\"; "
                        + "curl -sS --retry 10 --retry-all-errors --retry-delay 1 -o /dev/null -w 'status=%{http_code}\\n' -X POST"
                        + " -H 'Ce-Id: host-1' -H 'Ce-Specversion: 1.0'"
                        + " -H 'Ce-Type: dev.tributary.it' -H 'Ce-Source: /host'"
                        + " -H 'Content-Type: application/json' -d '{\"from\":\"host\"}'"
                        + " \"$K_SINK\"")
                .addNewEnv()
                .withName("K_SINK")
                .withValue(SINK)
                .endEnv()
                .endContainer()
                .endSpec()
                .build())
        .create();

    Pod sender = awaitPhase("sender", "Succeeded");
    String ip = "http://" + clusterIp;
    assertThat(cluster.logs.text("default", "sender", "sender"))
        .contains("env=" + ip + " arg=" + ip + " literal=" + ip)
        .containsPattern("status=2\\d\\d");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(cluster.logs.text("default", "display", "event-display"))
                    .contains("id: host-1", "\"from\": \"host\""));
    // Only what the process sees changes: the pod says what its author wrote.
    assertThat(sender.getSpec().getContainers().get(0).getEnv())
        .extracting(EnvVar::getValue)
        .containsExactly(SINK);
  }

  private static Pod awaitPhase(String name, String phase) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.pods().inNamespace("default").withName(name).get(),
            p -> p != null && p.getStatus() != null && phase.equals(p.getStatus().getPhase()));
  }
}
