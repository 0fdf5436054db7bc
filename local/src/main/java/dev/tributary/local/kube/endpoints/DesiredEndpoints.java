package dev.tributary.local.kube.endpoints;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Endpoints a Service with a selector should have, as the Endpoints controller's {@code
 * syncService}: each selected pod with an IP, per Service port whose {@code targetPort} resolves on
 * it (a number, or the name of one of its container ports), under {@code addresses} when it is
 * Ready (or the Service publishes unready addresses) and {@code notReadyAddresses} otherwise;
 * finished and deleting pods are left out. Addresses with the same ports share a subset, sorted, as
 * {@code RepackSubsets}. Pure.
 */
public final class DesiredEndpoints {

  static final String HEADLESS = "service.kubernetes.io/headless";

  private DesiredEndpoints() {}

  /** Whether {@code service} has Endpoints managed for it: it has a selector. */
  public static boolean managed(Service service) {
    return service.getSpec() != null && service.getSpec().getSelector() != null;
  }

  /** Whether {@code pod}'s labels match {@code service}'s selector (every key, same value). */
  public static boolean selects(Service service, Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return managed(service)
        && service.getSpec().getSelector().entrySet().stream()
            .allMatch(e -> labels != null && e.getValue().equals(labels.get(e.getKey())));
  }

  /** The Endpoints for {@code service} over the namespace's {@code pods}. */
  public static Endpoints of(Service service, List<Pod> pods) {
    boolean tolerateUnready = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    List<ServicePort> servicePorts =
        service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    boolean headless = "None".equals(service.getSpec().getClusterIP());
    // ports (as a key) -> [ready addresses, not-ready addresses]
    Map<List<EndpointPort>, List<List<EndpointAddress>>> byPorts = new LinkedHashMap<>();
    for (Pod pod : pods) {
      if (!selects(service, pod) || !included(pod, tolerateUnready)) {
        continue;
      }
      EndpointAddress address = address(pod);
      boolean ready = tolerateUnready || isReady(pod);
      if (servicePorts.isEmpty()) {
        if (headless) {
          add(byPorts, List.of(), address, ready);
        }
        continue;
      }
      for (ServicePort servicePort : servicePorts) {
        OptionalInt port = targetPort(pod, servicePort);
        if (port.isPresent()) {
          EndpointPort endpointPort =
              new EndpointPortBuilder()
                  .withName(servicePort.getName())
                  .withPort(port.getAsInt())
                  .withProtocol(servicePort.getProtocol())
                  .withAppProtocol(servicePort.getAppProtocol())
                  .build();
          add(byPorts, List.of(endpointPort), address, ready);
        }
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (service.getMetadata().getLabels() != null) {
      labels.putAll(service.getMetadata().getLabels());
    }
    if (headless) {
      labels.put(HEADLESS, "");
    }
    return new EndpointsBuilder()
        .withNewMetadata()
        .withNamespace(service.getMetadata().getNamespace())
        .withName(service.getMetadata().getName())
        .withLabels(labels)
        .endMetadata()
        .withSubsets(repack(byPorts))
        .build();
  }

  private static void add(
      Map<List<EndpointPort>, List<List<EndpointAddress>>> byPorts,
      List<EndpointPort> ports,
      EndpointAddress address,
      boolean ready) {
    List<List<EndpointAddress>> lists =
        byPorts.computeIfAbsent(ports, k -> List.of(new ArrayList<>(), new ArrayList<>()));
    lists.get(ready ? 0 : 1).add(address);
  }

  /** One subset per set of ports an address has, addresses sorted by IP. */
  private static List<EndpointSubset> repack(
      Map<List<EndpointPort>, List<List<EndpointAddress>>> byPorts) {
    // Group each address (by IP and readiness) with every port it serves.
    Map<String, List<EndpointPort>> portsOf = new LinkedHashMap<>();
    Map<String, EndpointAddress> addresses = new LinkedHashMap<>();
    for (Map.Entry<List<EndpointPort>, List<List<EndpointAddress>>> entry : byPorts.entrySet()) {
      for (int ready = 0; ready < 2; ready++) {
        for (EndpointAddress address : entry.getValue().get(ready)) {
          String key = ready + "|" + address.getIp() + "|" + uid(address);
          addresses.putIfAbsent(key, address);
          List<EndpointPort> ports = portsOf.computeIfAbsent(key, k -> new ArrayList<>());
          entry.getKey().stream().filter(p -> !ports.contains(p)).forEach(ports::add);
        }
      }
    }
    Comparator<EndpointPort> portOrder =
        Comparator.comparing((EndpointPort p) -> String.valueOf(p.getName()))
            .thenComparing(EndpointPort::getPort)
            .thenComparing(p -> String.valueOf(p.getProtocol()));
    Map<List<EndpointPort>, EndpointSubsetBuilder> subsets = new LinkedHashMap<>();
    portsOf.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(DesiredEndpoints::ipOf)))
        .forEach(
            entry -> {
              List<EndpointPort> ports = new ArrayList<>(entry.getValue());
              ports.sort(portOrder);
              EndpointSubsetBuilder subset =
                  subsets.computeIfAbsent(
                      ports, p -> new EndpointSubsetBuilder().withPorts(p.isEmpty() ? null : p));
              EndpointAddress address = addresses.get(entry.getKey());
              if (entry.getKey().startsWith("0|")) {
                subset.addToAddresses(address);
              } else {
                subset.addToNotReadyAddresses(address);
              }
            });
    List<EndpointSubset> result =
        subsets.values().stream().map(EndpointSubsetBuilder::build).toList();
    return result;
  }

  private static String ipOf(String key) {
    String ip = key.split("\\|", -1)[1];
    // Numeric order for IPv4, so 127.0.0.10 comes after 127.0.0.9.
    String[] parts = ip.split("\\.");
    if (parts.length == 4) {
      StringBuilder padded = new StringBuilder();
      for (String part : parts) {
        padded.append(String.format("%03d", Integer.parseInt(part)));
      }
      return padded + key;
    }
    return ip + key;
  }

  private static String uid(EndpointAddress address) {
    return address.getTargetRef() == null ? "" : address.getTargetRef().getUid();
  }

  private static EndpointAddress address(Pod pod) {
    return new EndpointAddressBuilder()
        .withIp(pod.getStatus().getPodIP())
        .withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName())
        .withNewTargetRef()
        .withKind("Pod")
        .withNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .withUid(pod.getMetadata().getUid())
        .endTargetRef()
        .build();
  }

  /** Has an IP, is not finished and, unless unready pods are published, is not being deleted. */
  private static boolean included(Pod pod, boolean tolerateUnready) {
    if (pod.getStatus() == null
        || pod.getStatus().getPodIP() == null
        || pod.getStatus().getPodIP().isEmpty()) {
      return false;
    }
    if (!tolerateUnready && pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    String phase = pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  static boolean isReady(Pod pod) {
    return pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** {@code podutil.FindPort}: a number as is, a name looked up among the containers' ports. */
  static OptionalInt targetPort(Pod pod, ServicePort servicePort) {
    IntOrString target = servicePort.getTargetPort();
    if (target == null) {
      return OptionalInt.of(servicePort.getPort());
    }
    if (target.getIntVal() != null) {
      return OptionalInt.of(target.getIntVal() == 0 ? servicePort.getPort() : target.getIntVal());
    }
    String name = target.getStrVal();
    String protocol = Optional.ofNullable(servicePort.getProtocol()).orElse("TCP");
    List<Container> containers =
        pod.getSpec() == null || pod.getSpec().getContainers() == null
            ? List.of()
            : pod.getSpec().getContainers();
    for (Container container : containers) {
      for (ContainerPort port :
          Optional.ofNullable(container.getPorts()).orElse(List.<ContainerPort>of())) {
        if (name.equals(port.getName())
            && protocol.equals(Optional.ofNullable(port.getProtocol()).orElse("TCP"))) {
          return OptionalInt.of(port.getContainerPort());
        }
      }
    }
    return OptionalInt.empty();
  }
}
