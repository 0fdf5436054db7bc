package dev.tributary.local.network;

import java.util.List;
import java.util.Objects;

/**
 * One Service port and the ready endpoints its connections go to.
 *
 * @param service the Service's key, {@code namespace/name}, for logs
 * @param portName the port's name in the Service ({@code ""} when unnamed)
 * @param endpoints ready endpoints in a stable order (pod name); empty means connections are
 *     refused
 */
public record ServiceRoute(String service, String portName, List<ServiceAddress> endpoints) {

  public ServiceRoute {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(portName, "portName");
    endpoints = List.copyOf(endpoints);
  }
}
