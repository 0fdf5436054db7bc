package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * core/v1's defaults for a PodSpec wherever one appears (Pods and the pod templates of workloads),
 * and the Pod-only ones ({@code SetDefaults_Pod}). Stateless.
 */
final class PodSpecDefaults {

  /** Kubernetes' default mode of secret, configMap, downwardAPI and projected volumes (0644). */
  static final int DEFAULT_VOLUME_MODE = 0644;

  private static final List<String> CONTAINER_LISTS =
      List.of("initContainers", "containers", "ephemeralContainers");

  private PodSpecDefaults() {}

  /** A Pod: the Pod-only defaults, then its spec's. */
  static void pod(ObjectNode pod) {
    ObjectNode spec = Fields.ensureObject(pod, "spec");
    for (String list : List.of("containers", "initContainers")) {
      for (ObjectNode container : Fields.objects(spec, list)) {
        requestsFromLimits(container);
      }
    }
    Fields.defaultBool(spec, "enableServiceLinks", true);
    if (spec.path("hostNetwork").asBoolean(false)) {
      for (String list : List.of("containers", "initContainers")) {
        for (ObjectNode container : Fields.objects(spec, list)) {
          for (ObjectNode port : Fields.objects(container, "ports")) {
            Fields.defaultNonZero(port, "hostPort", port.path("containerPort").asInt(0));
          }
        }
      }
    }
    podSpec(spec);
  }

  /** The PodSpec of template {@code parent.field} ({@code template.spec}), if there is one. */
  static void template(ObjectNode parent, String field) {
    ObjectNode template = Fields.object(parent, field);
    if (template != null) {
      podSpec(Fields.ensureObject(template, "spec"));
    }
  }

  /** {@code SetDefaults_PodSpec} and the defaults of everything nested in a PodSpec. */
  static void podSpec(ObjectNode spec) {
    Fields.defaultText(spec, "dnsPolicy", "ClusterFirst");
    Fields.defaultText(spec, "restartPolicy", "Always");
    Fields.defaultObject(spec, "securityContext");
    Fields.defaultInt(spec, "terminationGracePeriodSeconds", 30);
    Fields.defaultText(spec, "schedulerName", "default-scheduler");
    // v1's deprecated serviceAccount mirrors serviceAccountName (what conversion does upstream).
    String account = Fields.text(spec, "serviceAccountName");
    if (account.isEmpty()) {
      account = Fields.text(spec, "serviceAccount");
      if (!account.isEmpty()) {
        spec.put("serviceAccountName", account);
      }
    }
    if (!account.isEmpty()) {
      spec.put("serviceAccount", account);
    }
    for (ObjectNode volume : Fields.objects(spec, "volumes")) {
      volume(volume);
    }
    for (String list : CONTAINER_LISTS) {
      for (ObjectNode container : Fields.objects(spec, list)) {
        container(container);
      }
    }
  }

  static void container(ObjectNode container) {
    Fields.defaultText(
        container, "imagePullPolicy", pullPolicyFor(Fields.text(container, "image")));
    Fields.defaultText(container, "terminationMessagePath", "/dev/termination-log");
    Fields.defaultText(container, "terminationMessagePolicy", "File");
    for (ObjectNode port : Fields.objects(container, "ports")) {
      Fields.defaultText(port, "protocol", "TCP");
    }
    for (ObjectNode env : Fields.objects(container, "env")) {
      fieldRef(Fields.object(Fields.object(env, "valueFrom"), "fieldRef"));
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      probe(Fields.object(container, probe));
    }
    ObjectNode lifecycle = Fields.object(container, "lifecycle");
    for (String hook : List.of("postStart", "preStop")) {
      httpGet(Fields.object(Fields.object(lifecycle, hook), "httpGet"));
    }
  }

  /**
   * {@code Always} for an untagged image or tag {@code latest}, else {@code IfNotPresent} (also for
   * a reference by digest only, and for an unparsable one).
   */
  static String pullPolicyFor(String image) {
    if (image.isBlank()) {
      return "IfNotPresent";
    }
    int at = image.indexOf('@');
    boolean digested = at >= 0;
    String name = digested ? image.substring(0, at) : image;
    int colon = name.lastIndexOf(':');
    String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
    if (tag.isEmpty()) {
      return digested ? "IfNotPresent" : "Always";
    }
    return tag.equals("latest") ? "Always" : "IfNotPresent";
  }

  private static void probe(ObjectNode probe) {
    if (probe == null) {
      return;
    }
    Fields.defaultNonZero(probe, "timeoutSeconds", 1);
    Fields.defaultNonZero(probe, "periodSeconds", 10);
    Fields.defaultNonZero(probe, "successThreshold", 1);
    Fields.defaultNonZero(probe, "failureThreshold", 3);
    httpGet(Fields.object(probe, "httpGet"));
    ObjectNode grpc = Fields.object(probe, "grpc");
    if (grpc != null && Fields.isUnset(grpc, "service")) {
      grpc.put("service", "");
    }
  }

  private static void httpGet(ObjectNode action) {
    if (action != null) {
      Fields.defaultText(action, "path", "/");
      Fields.defaultText(action, "scheme", "HTTP");
    }
  }

  private static void fieldRef(ObjectNode selector) {
    if (selector != null) {
      Fields.defaultText(selector, "apiVersion", "v1");
    }
  }

  private static void volume(ObjectNode volume) {
    if (!hasSource(volume)) {
      volume.putObject("emptyDir");
    }
    for (String source : List.of("secret", "configMap", "downwardAPI", "projected")) {
      ObjectNode node = Fields.object(volume, source);
      if (node != null) {
        Fields.defaultInt(node, "defaultMode", DEFAULT_VOLUME_MODE);
      }
    }
    for (ObjectNode item : Fields.objects(Fields.object(volume, "downwardAPI"), "items")) {
      fieldRef(Fields.object(item, "fieldRef"));
    }
    for (ObjectNode source : Fields.objects(Fields.object(volume, "projected"), "sources")) {
      for (ObjectNode item : Fields.objects(Fields.object(source, "downwardAPI"), "items")) {
        fieldRef(Fields.object(item, "fieldRef"));
      }
      ObjectNode token = Fields.object(source, "serviceAccountToken");
      if (token != null) {
        Fields.defaultInt(token, "expirationSeconds", 3600);
      }
    }
    ObjectNode hostPath = Fields.object(volume, "hostPath");
    if (hostPath != null && Fields.isUnset(hostPath, "type")) {
      hostPath.put("type", "");
    }
    ObjectNode claimTemplate =
        Fields.object(Fields.object(volume, "ephemeral"), "volumeClaimTemplate");
    if (claimTemplate != null) {
      Fields.defaultText(Fields.ensureObject(claimTemplate, "spec"), "volumeMode", "Filesystem");
    }
  }

  /** Whether a volume names any source (every field but {@code name} is one). */
  private static boolean hasSource(ObjectNode volume) {
    Iterator<Map.Entry<String, JsonNode>> fields = volume.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("name") && !field.getValue().isNull()) {
        return true;
      }
    }
    return false;
  }

  /** A container's limits become its requests where it has none (Pods only). */
  private static void requestsFromLimits(ObjectNode container) {
    ObjectNode resources = Fields.object(container, "resources");
    ObjectNode limits = Fields.object(resources, "limits");
    if (limits == null || limits.isEmpty()) {
      return;
    }
    ObjectNode requests = Fields.ensureObject(resources, "requests");
    limits
        .properties()
        .forEach(
            e -> {
              if (!requests.has(e.getKey())) {
                requests.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }
}
