package dev.tributary.local.kube.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredEndpointsTest {

  private static Service service(IntOrString targetPort) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName("event-display")
        .addToLabels("tier", "web")
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", "event-display")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(80)
        .withTargetPort(targetPort)
        .endPort()
        .endSpec()
        .build();
  }

  private static Pod pod(String name, String ip, boolean ready, String app) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .withUid("uid-" + name)
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .addNewPort()
        .withName("web")
        .withContainerPort(8080)
        .withProtocol("TCP")
        .endPort()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP(ip)
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }

  private static List<String> ips(List<EndpointAddress> addresses) {
    return addresses == null ? List.of() : addresses.stream().map(EndpointAddress::getIp).toList();
  }

  @Test
  void readyPodsAreAddressesUnreadyOnesNotReadyAddressesOthersNothing() {
    Endpoints endpoints =
        DesiredEndpoints.of(
            service(new IntOrString(8080)),
            List.of(
                pod("b", "127.0.0.10", true, "event-display"),
                pod("a", "127.0.0.9", true, "event-display"),
                pod("c", "127.0.0.11", false, "event-display"),
                pod("other", "127.0.0.12", true, "other"),
                pod("no-ip", null, true, "event-display")));
    assertThat(endpoints.getMetadata().getName()).isEqualTo("event-display");
    assertThat(endpoints.getMetadata().getLabels()).containsEntry("tier", "web");
    assertThat(endpoints.getSubsets()).hasSize(1);
    EndpointSubset subset = endpoints.getSubsets().get(0);
    assertThat(ips(subset.getAddresses())).containsExactly("127.0.0.9", "127.0.0.10");
    assertThat(ips(subset.getNotReadyAddresses())).containsExactly("127.0.0.11");
    EndpointPort port = subset.getPorts().get(0);
    assertThat(port.getName()).isEqualTo("http");
    assertThat(port.getPort()).isEqualTo(8080);
    assertThat(port.getProtocol()).isEqualTo("TCP");
    assertThat(subset.getAddresses().get(0).getTargetRef().getName()).isEqualTo("a");
    assertThat(subset.getAddresses().get(0).getTargetRef().getKind()).isEqualTo("Pod");
  }

  @Test
  void aNamedTargetPortResolvesPerPodAndPodsWithoutItAreLeftOut() {
    Pod named = pod("a", "127.0.0.2", true, "event-display");
    Pod unnamed = pod("b", "127.0.0.3", true, "event-display");
    unnamed.getSpec().getContainers().get(0).getPorts().get(0).setName("admin");
    Endpoints endpoints =
        DesiredEndpoints.of(service(new IntOrString("web")), List.of(named, unnamed));
    assertThat(endpoints.getSubsets()).hasSize(1);
    assertThat(ips(endpoints.getSubsets().get(0).getAddresses())).containsExactly("127.0.0.2");
    assertThat(endpoints.getSubsets().get(0).getPorts().get(0).getPort()).isEqualTo(8080);
  }

  @Test
  void finishedAndDeletingPodsAreLeftOutUnlessUnreadyOnesArePublished() {
    Pod done = pod("done", "127.0.0.2", false, "event-display");
    done.getStatus().setPhase("Succeeded");
    Pod deleting = pod("deleting", "127.0.0.3", true, "event-display");
    deleting.getMetadata().setDeletionTimestamp("2026-11-29T18:00:00Z");
    Service service = service(new IntOrString(8080));
    assertThat(DesiredEndpoints.of(service, List.of(done, deleting)).getSubsets()).isEmpty();

    service.getSpec().setPublishNotReadyAddresses(true);
    Pod unready = pod("unready", "127.0.0.4", false, "event-display");
    Endpoints published = DesiredEndpoints.of(service, List.of(done, deleting, unready));
    assertThat(ips(published.getSubsets().get(0).getAddresses()))
        .containsExactly("127.0.0.3", "127.0.0.4");
  }

  @Test
  void onlyServicesWithASelectorAreManaged() {
    Service service = service(new IntOrString(8080));
    assertThat(DesiredEndpoints.managed(service)).isTrue();
    service.getSpec().setSelector(null);
    assertThat(DesiredEndpoints.managed(service)).isFalse();
  }
}
