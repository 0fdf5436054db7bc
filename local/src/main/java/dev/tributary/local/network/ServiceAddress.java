package dev.tributary.local.network;

import java.util.Objects;

/**
 * Where something listens or is reached: an IPv4 address (as text) and a TCP port. Used both for a
 * Service's cluster address ({@code clusterIP:port}) and for an endpoint ({@code
 * podIP:targetPort}).
 */
public record ServiceAddress(String ip, int port) {

  public ServiceAddress {
    Objects.requireNonNull(ip, "ip");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return ip + ":" + port;
  }
}
