package dev.tributary.local.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Services as kube-apiserver prints them: {@code NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE},
 * wide {@code SELECTOR}. Ports read {@code 80/TCP}, or {@code 80:30080/TCP} with a node port.
 * Defaults a real server would have filled in ({@code type: ClusterIP}, {@code protocol: TCP}) are
 * assumed when absent.
 */
final class ServicePrinter implements RowPrinter {

  private static final List<ColumnDefinition> COLUMNS =
      List.of(
          ColumnDefinition.nameColumn(),
          ColumnDefinition.of("Type", "string", "How the service is exposed."),
          ColumnDefinition.of("Cluster-IP", "string", "The service's cluster IP address."),
          ColumnDefinition.of("External-IP", "string", "Addresses outside the cluster."),
          ColumnDefinition.of("Port(s)", "string", "The ports the service exposes."),
          ColumnDefinition.ageColumn(),
          ColumnDefinition.wide("Selector", "string", "Labels of the pods the service routes to."));

  @Override
  public List<ColumnDefinition> columns() {
    return COLUMNS;
  }

  @Override
  public Row print(ObjectNode service, Instant now) {
    JsonNode spec = Fields.at(service, "spec");
    String type = Fields.text(spec, "type");
    if (type.isEmpty()) {
      type = "ClusterIP";
    }
    List<JsonNode> clusterIps = Fields.list(spec, "clusterIPs");
    String clusterIp =
        !clusterIps.isEmpty() ? clusterIps.get(0).asText("") : Fields.text(spec, "clusterIP");
    if (clusterIp.isEmpty()) {
      clusterIp = "<none>";
    }
    String ports = ports(Fields.list(spec, "ports"));
    return new Row(
        Cells.of(
            Fields.text(service, "metadata", "name"),
            type,
            clusterIp,
            externalIp(type, service),
            ports.isEmpty() ? "<none>" : ports,
            Timestamps.age(Fields.at(service, "metadata", "creationTimestamp"), now),
            Selectors.formatLabels(Fields.at(spec, "selector"))));
  }

  /** {@code 80/TCP,443/TCP}, with {@code port:nodePort/protocol} for node ports. */
  static String ports(List<JsonNode> ports) {
    List<String> pieces = new ArrayList<>();
    for (JsonNode port : ports) {
      String protocol = Fields.text(port, "protocol");
      if (protocol.isEmpty()) {
        protocol = "TCP";
      }
      long nodePort = Fields.integer(port, "nodePort");
      pieces.add(
          nodePort > 0
              ? Fields.integer(port, "port") + ":" + nodePort + "/" + protocol
              : Fields.integer(port, "port") + "/" + protocol);
    }
    return String.join(",", pieces);
  }

  private static String externalIp(String type, JsonNode service) {
    List<String> externalIps = new ArrayList<>();
    Fields.list(service, "spec", "externalIPs").forEach(ip -> externalIps.add(ip.asText("")));
    switch (type) {
      case "ClusterIP", "NodePort" -> {
        return externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
      }
      case "LoadBalancer" -> {
        String loadBalancer = loadBalancerIps(service);
        if (!externalIps.isEmpty()) {
          List<String> all = new ArrayList<>();
          if (!loadBalancer.isEmpty()) {
            all.addAll(List.of(loadBalancer.split(",")));
          }
          all.addAll(externalIps);
          return String.join(",", all);
        }
        return loadBalancer.isEmpty() ? "<pending>" : loadBalancer;
      }
      case "ExternalName" -> {
        return Fields.text(service, "spec", "externalName");
      }
      default -> {
        return "<unknown>";
      }
    }
  }

  /** The load balancer's ingress IPs or host names, sorted, deduplicated (always wide). */
  private static String loadBalancerIps(JsonNode service) {
    TreeSet<String> result = new TreeSet<>();
    for (JsonNode ingress : Fields.list(service, "status", "loadBalancer", "ingress")) {
      if (!Fields.text(ingress, "ip").isEmpty()) {
        result.add(Fields.text(ingress, "ip"));
      } else if (!Fields.text(ingress, "hostname").isEmpty()) {
        result.add(Fields.text(ingress, "hostname"));
      }
    }
    return String.join(",", result);
  }
}
