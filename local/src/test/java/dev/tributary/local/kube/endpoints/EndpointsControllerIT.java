package dev.tributary.local.kube.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Endpoints controller against the local API server; the test plays the kubelet. */
class EndpointsControllerIT {

  private static final String NS = "endpoints-it";

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private static EndpointsController controller;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    controller = new EndpointsController(client);
    controller.start().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (controller != null) {
      controller.close();
    }
    cluster.close();
  }

  private static Pod createPod(String name) {
    return client
        .pods()
        .inNamespace(NS)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", "event-display")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("user-container")
                .withImage("event_display")
                .addNewPort()
                .withName("http")
                .withContainerPort(8080)
                .endPort()
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  private static void setStatus(String name, String ip, boolean ready) {
    client
        .pods()
        .inNamespace(NS)
        .withName(name)
        .editStatus(
            pod -> {
              pod.getStatus().setPhase("Running");
              pod.getStatus().setPodIP(ip);
              pod.getStatus()
                  .setConditions(
                      List.of(
                          new PodConditionBuilder()
                              .withType("Ready")
                              .withStatus(ready ? "True" : "False")
                              .build()));
              return pod;
            });
  }

  private static Endpoints endpoints() {
    return client.endpoints().inNamespace(NS).withName("event-display").get();
  }

  private static List<String> ips(boolean ready) {
    Endpoints endpoints = endpoints();
    if (endpoints == null || endpoints.getSubsets() == null) {
      return List.of();
    }
    return endpoints.getSubsets().stream()
        .map(s -> ready ? s.getAddresses() : s.getNotReadyAddresses())
        .filter(a -> a != null)
        .flatMap(List::stream)
        .map(EndpointAddress::getIp)
        .toList();
  }

  @Test
  void followsTheSelectedPodsReadinessAndGoesWithTheService() {
    createPod("event-display-1");
    createPod("event-display-2");
    client
        .services()
        .inNamespace(NS)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("event-display")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "event-display")
                .addNewPort()
                .withPort(80)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .endSpec()
                .build())
        .create();

    // Pods without an IP are not listed, but the Endpoints exist.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endpoints() != null);
    assertThat(endpoints().getSubsets()).isNullOrEmpty();

    setStatus("event-display-1", "127.0.1.1", true);
    setStatus("event-display-2", "127.0.1.2", false);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(ips(true)).containsExactly("127.0.1.1");
              assertThat(ips(false)).containsExactly("127.0.1.2");
            });
    EndpointSubset subset = endpoints().getSubsets().get(0);
    assertThat(subset.getPorts().get(0).getPort()).isEqualTo(8080);

    setStatus("event-display-2", "127.0.1.2", true);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(ips(true)).containsExactly("127.0.1.1", "127.0.1.2"));

    client.pods().inNamespace(NS).withName("event-display-1").withGracePeriod(0).delete();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(ips(true)).containsExactly("127.0.1.2"));

    client.services().inNamespace(NS).withName("event-display").delete();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> endpoints() == null);
  }
}
