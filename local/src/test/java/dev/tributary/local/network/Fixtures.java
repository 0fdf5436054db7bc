package dev.tributary.local.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;

/** Pods and Services as the API server would hold them, for the unit tests. */
final class Fixtures {

  private Fixtures() {}

  static Pod pod(String name, String ip, boolean ready, int containerPort) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("img")
        .addNewPort()
        .withName("http")
        .withContainerPort(containerPort)
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

  static Service service(String name, String clusterIp, int port, IntOrString targetPort) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withClusterIP(clusterIp)
        .withSelector(Map.of("app", "web"))
        .addNewPort()
        .withName("http")
        .withPort(port)
        .withProtocol("TCP")
        .withTargetPort(targetPort)
        .endPort()
        .endSpec()
        .build();
  }
}
