package dev.tributary.local.apiserver.admission;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.security.UserInfo;
import java.util.Objects;

/**
 * One write as admission sees it (Kubernetes' {@code admission.Attributes}). Objects are in the
 * version of {@link #type()}, the version the client addressed.
 *
 * @param operation what the request does
 * @param type the resource addressed: its group, version, resource (plural) and kind
 * @param subresource e.g. {@code status}, or empty for the main resource
 * @param namespace the object's namespace; for a Namespace object, its own name (as upstream);
 *     empty for other cluster-scoped objects
 * @param name the object's name (may be empty for a create with {@code generateName})
 * @param object the new object; null for DELETE. Owned by the request: a mutating plugin may change
 *     it in place
 * @param oldObject the stored object for UPDATE and DELETE, else null; read-only
 * @param userInfo who asked
 * @param dryRun whether nothing will be persisted
 * @param options the request's options object ({@code CreateOptions}, ...), never null
 */
public record AdmissionAttributes(
    Operation operation,
    ResourceType type,
    String subresource,
    String namespace,
    String name,
    ObjectNode object,
    ObjectNode oldObject,
    UserInfo userInfo,
    boolean dryRun,
    ObjectNode options) {

  public AdmissionAttributes {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(options, "options");
  }

  /**
   * The attributes of a write, with the options taken from {@code context} or derived from the
   * operation ({@code CreateOptions}, {@code UpdateOptions}, {@code DeleteOptions}).
   */
  public static AdmissionAttributes of(
      Operation operation,
      ResourceType type,
      String subresource,
      String namespace,
      String name,
      ObjectNode object,
      ObjectNode oldObject,
      boolean dryRun,
      AdmissionContext context) {
    String effectiveNamespace = isNamespace(type) ? name : type.namespaced() ? namespace : "";
    ObjectNode options =
        context.options() != null ? context.options() : defaultOptions(operation, dryRun);
    return new AdmissionAttributes(
        operation,
        type,
        subresource,
        effectiveNamespace,
        name,
        object,
        oldObject,
        context.user(),
        dryRun,
        options);
  }

  /** The same request with another (mutated) object. */
  public AdmissionAttributes withObject(ObjectNode value) {
    return new AdmissionAttributes(
        operation, type, subresource, namespace, name, value, oldObject, userInfo, dryRun, options);
  }

  /** Whether this is about {@code group}'s {@code resource} (plural), any version. */
  public boolean isResource(String group, String resource) {
    return type.group().equals(group) && type.plural().equals(resource);
  }

  /** Whether {@code type} is the core Namespace resource. */
  static boolean isNamespace(ResourceType type) {
    return type.group().isEmpty() && type.plural().equals("namespaces");
  }

  /** The options object upstream sends for {@code operation} when the client sent none. */
  public static ObjectNode defaultOptions(Operation operation, boolean dryRun) {
    String kind =
        switch (operation) {
          case CREATE -> "CreateOptions";
          case UPDATE -> "UpdateOptions";
          case DELETE -> "DeleteOptions";
          case CONNECT -> "ConnectOptions";
        };
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    options.put("kind", kind);
    options.put("apiVersion", "meta.k8s.io/v1");
    if (dryRun) {
      options.putArray("dryRun").add("All");
    }
    return options;
  }
}
