package dev.tributary.local.network;

import static dev.tributary.local.network.Fixtures.pod;
import static dev.tributary.local.network.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRoutesTest {

  private static final ServiceAddress CLUSTER = new ServiceAddress("127.96.0.10", 80);

  @Test
  void namedTargetPortResolvesToEachPodsContainerPortInPodNameOrder() {
    Map<ServiceAddress, ServiceRoute> routes =
        ServiceRoutes.compute(
            List.of(service("web", "127.96.0.10", 80, new IntOrString("http"))),
            List.of(pod("web-b", "127.0.1.2", true, 9090), pod("web-a", "127.0.1.1", true, 8080)));

    assertThat(routes)
        .containsExactly(
            Map.entry(
                CLUSTER,
                new ServiceRoute(
                    "default/web",
                    "http",
                    List.of(
                        new ServiceAddress("127.0.1.1", 8080),
                        new ServiceAddress("127.0.1.2", 9090)))));
  }

  @Test
  void numericTargetPortAndMissingTargetPort() {
    assertThat(
            ServiceRoutes.compute(
                    List.of(service("web", "127.96.0.10", 80, new IntOrString(8081))),
                    List.of(pod("web-a", "127.0.1.1", true, 8080)))
                .get(CLUSTER)
                .endpoints())
        .containsExactly(new ServiceAddress("127.0.1.1", 8081));
    assertThat(
            ServiceRoutes.compute(
                    List.of(service("web", "127.96.0.10", 80, null)),
                    List.of(pod("web-a", "127.0.1.1", true, 8080)))
                .get(CLUSTER)
                .endpoints())
        .containsExactly(new ServiceAddress("127.0.1.1", 80));
  }

  @Test
  void unreadyTerminatingTerminalUnaddressedAndUnnamedPortPodsAreNoEndpoints() {
    Pod terminating =
        new PodBuilder(pod("web-t", "127.0.1.3", true, 8080))
            .editMetadata()
            .withDeletionTimestamp("2026-01-01T00:00:00Z")
            .endMetadata()
            .build();
    Pod succeeded =
        new PodBuilder(pod("web-s", "127.0.1.4", true, 8080))
            .editStatus()
            .withPhase("Succeeded")
            .endStatus()
            .build();
    Pod noIp =
        new PodBuilder(pod("web-n", null, true, 8080))
            .editStatus()
            .withPodIP(null)
            .endStatus()
            .build();
    Pod otherPortName =
        new PodBuilder(pod("web-p", "127.0.1.5", true, 8080))
            .editSpec()
            .editFirstContainer()
            .editFirstPort()
            .withName("metrics")
            .endPort()
            .endContainer()
            .endSpec()
            .build();
    Pod otherLabels =
        new PodBuilder(pod("web-l", "127.0.1.6", true, 8080))
            .editMetadata()
            .withLabels(Map.of("app", "other"))
            .endMetadata()
            .build();
    Pod otherNamespace =
        new PodBuilder(pod("web-o", "127.0.1.7", true, 8080))
            .editMetadata()
            .withNamespace("elsewhere")
            .endMetadata()
            .build();

    Map<ServiceAddress, ServiceRoute> routes =
        ServiceRoutes.compute(
            List.of(service("web", "127.96.0.10", 80, new IntOrString("http"))),
            List.of(
                pod("web-u", "127.0.1.2", false, 8080),
                terminating,
                succeeded,
                noIp,
                otherPortName,
                otherLabels,
                otherNamespace));

    assertThat(routes.get(CLUSTER).endpoints()).isEmpty();
  }

  @Test
  void publishNotReadyAddressesIncludesUnreadyPods() {
    Service service =
        new ServiceBuilder(service("web", "127.96.0.10", 80, new IntOrString("http")))
            .editSpec()
            .withPublishNotReadyAddresses(true)
            .endSpec()
            .build();

    assertThat(
            ServiceRoutes.compute(List.of(service), List.of(pod("web-u", "127.0.1.2", false, 8080)))
                .get(CLUSTER)
                .endpoints())
        .containsExactly(new ServiceAddress("127.0.1.2", 8080));
  }

  @Test
  void servicesWithoutSelectorClusterIpOrTcpGetNoRoute() {
    Service headless = new ServiceBuilder(service("headless", "None", 80, null)).build();
    Service noSelector =
        new ServiceBuilder(service("manual", "127.96.0.11", 80, null))
            .editSpec()
            .withSelector(null)
            .endSpec()
            .build();
    Service udp =
        new ServiceBuilder(service("dns", "127.96.0.12", 53, null))
            .editSpec()
            .editFirstPort()
            .withProtocol("UDP")
            .endPort()
            .endSpec()
            .build();
    Service external =
        new ServiceBuilder(service("ext", "127.96.0.13", 80, null))
            .editSpec()
            .withType("ExternalName")
            .endSpec()
            .build();

    assertThat(
            ServiceRoutes.compute(
                List.of(headless, noSelector, udp, external),
                List.of(pod("web-a", "127.0.1.1", true, 8080))))
        .isEmpty();
  }
}
