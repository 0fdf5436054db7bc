package dev.tributary.local.apiserver.admission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/** Resource types and requests for admission unit tests. */
public final class AdmissionTestTypes {

  private AdmissionTestTypes() {}

  public static final ResourceType CONFIG_MAPS = type("", "ConfigMap", "configmaps", true);
  public static final ResourceType PODS = type("", "Pod", "pods", true);
  public static final ResourceType NAMESPACES = type("", "Namespace", "namespaces", false);
  public static final ResourceType NODES = type("", "Node", "nodes", false);
  public static final ResourceType DEPLOYMENTS = type("apps", "Deployment", "deployments", true);
  public static final ResourceType VALIDATING_CONFIGS =
      type(
          "admissionregistration.k8s.io",
          "ValidatingWebhookConfiguration",
          "validatingwebhookconfigurations",
          false);

  private static ResourceType type(String group, String kind, String plural, boolean namespaced) {
    return new ResourceType(
        group,
        "v1",
        kind,
        plural,
        kind.toLowerCase(),
        namespaced,
        ResourceType.ALL_VERBS,
        List.of(),
        List.of(),
        List.of("status"),
        "v1",
        null);
  }

  /** An object named {@code name} with {@code labels} (alternating keys and values). */
  public static ObjectNode object(String name, String... labels) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    if (labels.length > 0) {
      ObjectNode map = metadata.putObject("labels");
      for (int i = 0; i < labels.length; i += 2) {
        map.put(labels[i], labels[i + 1]);
      }
    }
    return object;
  }

  /** A create of {@code object} as {@code type} in {@code namespace}, by the server user. */
  public static AdmissionAttributes create(ResourceType type, String namespace, ObjectNode object) {
    return AdmissionAttributes.of(
        Operation.CREATE,
        type,
        "",
        namespace,
        object.path("metadata").path("name").asText(),
        object,
        null,
        false,
        AdmissionContext.internal());
  }
}
