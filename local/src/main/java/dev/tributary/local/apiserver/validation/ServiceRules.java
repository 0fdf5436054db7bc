package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Core {@code v1} Services as kube-apiserver's {@code ValidateService} checks them: ports (required
 * unless headless or ExternalName; names required when several, DNS-1123 labels and unique; port
 * numbers; protocols; target ports as numbers or IANA names; no duplicate port and protocol), the
 * type, session affinity, selector labels, an ExternalName's DNS name; on update a primary cluster
 * IP that does not change. Absent fields count as their defaults. Stateless.
 */
public final class ServiceRules implements ObjectValidator {

  private static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().isEmpty() || !type.kind().equals("Service")) {
      return List.of();
    }
    JsonNode spec = Json.child(object, "spec");
    String serviceType = Json.text(spec, "type");
    if (serviceType.isEmpty()) {
      serviceType = "ClusterIP";
    }
    List<FieldCause> out = new ArrayList<>();
    List<JsonNode> ports = Json.items(spec, "ports");
    boolean headless = serviceType.equals("ClusterIP") && primaryClusterIp(spec).equals("None");
    if (ports.isEmpty() && !headless && !serviceType.equals("ExternalName")) {
      out.add(FieldCause.required("spec.ports", ""));
    }
    if (serviceType.equals("ExternalName")) {
      String cname = Json.text(spec, "externalName");
      cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
      if (cname.isEmpty()) {
        out.add(FieldCause.required("spec.externalName", ""));
      } else {
        String value = cname;
        ContentValidation.isDns1123Subdomain(value)
            .forEach(m -> out.add(FieldCause.invalid("spec.externalName", value, m)));
      }
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      port(ports.get(i), ports.size() > 1, names, "spec.ports[" + i + "]", out);
    }
    MetadataRules.labels(Json.stringMap(spec, "selector"), "spec.selector", out);
    String affinity = Json.text(spec, "sessionAffinity");
    if (!affinity.isEmpty() && !AFFINITIES.contains(affinity)) {
      out.add(FieldCause.notSupported("spec.sessionAffinity", affinity, AFFINITIES));
    }
    if (!TYPES.contains(serviceType)) {
      out.add(FieldCause.notSupported("spec.type", serviceType, TYPES));
    }
    if (serviceType.equals("ClusterIP")) {
      for (int i = 0; i < ports.size(); i++) {
        if (Json.child(ports.get(i), "nodePort").asLong(0) != 0) {
          out.add(
              FieldCause.forbidden(
                  "spec.ports[" + i + "].nodePort", "may not be used when `type` is 'ClusterIP'"));
        }
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String protocol = protocol(port);
      long number = Json.child(port, "port").asLong(0);
      if (!seen.add(protocol + "/" + number)) {
        out.add(FieldCause.duplicate("spec.ports[" + i + "]", servicePortKey(protocol, number)));
      }
    }
    if (old != null) {
      clusterIpUnchanged(spec, Json.child(old, "spec"), serviceType, out);
    }
    return out;
  }

  /** {@code validateServicePort}. */
  private static void port(
      JsonNode port, boolean requireName, Set<String> names, String path, List<FieldCause> out) {
    String name = Json.text(port, "name");
    if (requireName && name.isEmpty()) {
      out.add(FieldCause.required(path + ".name", ""));
    } else if (!name.isEmpty()) {
      Causes.dns1123Label(name, path + ".name", out);
      if (!names.add(name)) {
        out.add(FieldCause.duplicate(path + ".name", name));
      }
    }
    long number = Json.child(port, "port").asLong(0);
    PodSpecRules.portNumber(number, path + ".port", out);
    PodSpecRules.protocol(port, path, out);
    JsonNode target = Json.child(port, "targetPort");
    if (target.isNumber()) {
      long value = target.asLong();
      // 0 is defaulted to the port number.
      if (value != 0) {
        PodSpecRules.portNumber(value, path + ".targetPort", out);
      }
    } else if (target.isTextual() && !target.asText().isEmpty()) {
      String value = target.asText();
      PodSpecRules.portNameErrors(value)
          .forEach(m -> out.add(FieldCause.invalid(path + ".targetPort", value, m)));
    }
  }

  /** The first cluster IP the service asks for: {@code clusterIPs[0]}, else {@code clusterIP}. */
  private static String primaryClusterIp(JsonNode spec) {
    List<JsonNode> ips = Json.items(spec, "clusterIPs");
    return ips.isEmpty() ? Json.text(spec, "clusterIP") : ips.get(0).asText("");
  }

  /**
   * {@code validateUpgradeDowngradeClusterIPs} for the primary IP: once set it stays, unless the
   * service is or was an ExternalName. A cleared IP is left alone (upstream refills it).
   */
  private static void clusterIpUnchanged(
      JsonNode spec, JsonNode oldSpec, String serviceType, List<FieldCause> out) {
    String oldType = Json.text(oldSpec, "type");
    if (serviceType.equals("ExternalName") || oldType.equals("ExternalName")) {
      return;
    }
    String ip = primaryClusterIp(spec);
    String oldIp = primaryClusterIp(oldSpec);
    if (!oldIp.isEmpty() && !ip.isEmpty() && !ip.equals(oldIp)) {
      List<JsonNode> ips = Json.items(spec, "clusterIPs");
      List<String> rendered =
          ips.isEmpty() ? List.of(ip) : ips.stream().map(n -> n.asText("")).toList();
      out.add(
          FieldCause.invalid(
              "spec.clusterIPs[0]", GoValue.stringSlice(rendered), "may not change once set"));
    }
  }

  private static String protocol(JsonNode port) {
    String protocol = Json.text(port, "protocol");
    return protocol.isEmpty() ? "TCP" : protocol;
  }

  /** Go's {@code %#v} of the {@code core.ServicePort{Protocol, Port}} key upstream reports. */
  private static GoValue servicePortKey(String protocol, long port) {
    return new GoValue(
        "core.ServicePort{Name:\"\", Protocol:\""
            + protocol
            + "\", AppProtocol:(*string)(nil), Port:"
            + port
            + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
  }
}
