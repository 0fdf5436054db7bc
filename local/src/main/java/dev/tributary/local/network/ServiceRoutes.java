package dev.tributary.local.network;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Computes what the Service proxy should listen on: for every TCP port of every Service that has a
 * cluster IP and a selector, the address {@code clusterIP:port} and the ready endpoints behind it.
 * Pure: the same Services and Pods give the same routes, endpoints ordered by pod name.
 *
 * <p>Services without a selector (whose Endpoints someone else writes), headless and ExternalName
 * Services get no route; UDP and SCTP ports are skipped (the local proxy is TCP only).
 */
public final class ServiceRoutes {

  private ServiceRoutes() {}

  public static Map<ServiceAddress, ServiceRoute> compute(
      Collection<Service> services, Collection<Pod> pods) {
    List<Pod> ordered = new ArrayList<>(pods);
    ordered.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    Map<ServiceAddress, ServiceRoute> routes = new LinkedHashMap<>();
    for (Service service : services) {
      ServiceSpec spec = service.getSpec();
      String clusterIp = clusterIp(service);
      if (clusterIp == null
          || spec.getSelector() == null
          || spec.getSelector().isEmpty()
          || spec.getPorts() == null) {
        continue;
      }
      String namespace = service.getMetadata().getNamespace();
      String key = namespace + "/" + service.getMetadata().getName();
      boolean publishNotReady = Boolean.TRUE.equals(spec.getPublishNotReadyAddresses());
      List<Pod> backing =
          ordered.stream()
              .filter(p -> EndpointPods.selected(spec.getSelector(), namespace, p))
              .filter(p -> EndpointPods.routable(p, publishNotReady))
              .toList();
      for (ServicePort port : spec.getPorts()) {
        if (!"TCP".equals(TargetPorts.protocol(port.getProtocol())) || port.getPort() == null) {
          continue;
        }
        List<ServiceAddress> endpoints = new ArrayList<>();
        for (Pod pod : backing) {
          OptionalInt target = TargetPorts.resolve(port, pod);
          if (target.isPresent() && target.getAsInt() > 0 && target.getAsInt() <= 65535) {
            endpoints.add(new ServiceAddress(pod.getStatus().getPodIP(), target.getAsInt()));
          }
        }
        String portName = port.getName() == null ? "" : port.getName();
        routes.put(
            new ServiceAddress(clusterIp, port.getPort()),
            new ServiceRoute(key, portName, endpoints));
      }
    }
    return routes;
  }

  /** The Service's cluster IP, or null when it has none ({@code None}, ExternalName, unset). */
  static String clusterIp(Service service) {
    ServiceSpec spec = service.getSpec();
    if (spec == null || "ExternalName".equals(spec.getType())) {
      return null;
    }
    String ip = spec.getClusterIP();
    if (ip == null || ip.isEmpty() || "None".equals(ip)) {
      return null;
    }
    return ip;
  }
}
