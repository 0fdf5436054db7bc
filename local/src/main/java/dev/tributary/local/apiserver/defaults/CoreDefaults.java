package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** core/v1's Service and Endpoints defaults. Stateless. */
final class CoreDefaults {

  /** Kubernetes' default ClientIP session affinity timeout: three hours. */
  static final int CLIENT_IP_TIMEOUT_SECONDS = 10800;

  private CoreDefaults() {}

  /**
   * {@code SetDefaults_Service}: type, session affinity, port protocols and target ports, traffic
   * policies. Cluster IPs and IP families are not defaults but allocations ({@link
   * ServiceClusterIps}).
   */
  static void service(ObjectNode service) {
    ObjectNode spec = Fields.ensureObject(service, "spec");
    Fields.defaultText(spec, "sessionAffinity", "None");
    String affinity = Fields.text(spec, "sessionAffinity");
    if (affinity.equals("None")) {
      spec.remove("sessionAffinityConfig");
    } else if (affinity.equals("ClientIP")) {
      ObjectNode clientIp =
          Fields.ensureObject(Fields.ensureObject(spec, "sessionAffinityConfig"), "clientIP");
      Fields.defaultInt(clientIp, "timeoutSeconds", CLIENT_IP_TIMEOUT_SECONDS);
    }
    Fields.defaultText(spec, "type", "ClusterIP");
    String type = Fields.text(spec, "type");
    for (ObjectNode port : Fields.objects(spec, "ports")) {
      Fields.defaultText(port, "protocol", "TCP");
      JsonNode target = port.get("targetPort");
      if (target == null
          || target.isNull()
          || (target.isNumber() && target.asLong() == 0)
          || (target.isTextual() && target.asText().isEmpty())) {
        JsonNode number = port.get("port");
        if (number != null && number.isNumber()) {
          port.set("targetPort", number.deepCopy());
        }
      }
    }
    boolean externallyAccessible =
        type.equals("LoadBalancer")
            || type.equals("NodePort")
            || (type.equals("ClusterIP") && !Fields.isEmpty(spec, "externalIPs"));
    if (externallyAccessible) {
      Fields.defaultText(spec, "externalTrafficPolicy", "Cluster");
    }
    if (type.equals("ClusterIP") || type.equals("NodePort") || type.equals("LoadBalancer")) {
      Fields.defaultText(spec, "internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer")) {
      Fields.defaultBool(spec, "allocateLoadBalancerNodePorts", true);
      ObjectNode loadBalancer = Fields.object(Fields.object(service, "status"), "loadBalancer");
      for (ObjectNode ingress : Fields.objects(loadBalancer, "ingress")) {
        if (!Fields.text(ingress, "ip").isEmpty()) {
          Fields.defaultText(ingress, "ipMode", "VIP");
        }
      }
    }
  }

  /** {@code SetDefaults_Endpoints}: every port's protocol is TCP unless given. */
  static void endpoints(ObjectNode endpoints) {
    for (ObjectNode subset : Fields.objects(endpoints, "subsets")) {
      for (ObjectNode port : Fields.objects(subset, "ports")) {
        Fields.defaultText(port, "protocol", "TCP");
      }
    }
  }
}
