package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The defaults {@code rbac.authorization.k8s.io/v1} applies to bindings: {@code roleRef.apiGroup}
 * becomes {@code rbac.authorization.k8s.io}, and a subject's empty {@code apiGroup} becomes {@code
 * rbac.authorization.k8s.io} for User and Group ({@code ""} for ServiceAccount). Idempotent; other
 * kinds pass through unchanged.
 */
public final class RbacDefaults {

  static final String GROUP = "rbac.authorization.k8s.io";

  private RbacDefaults() {}

  /** A defaulted copy of {@code object}; the input is left untouched. */
  public static ObjectNode withDefaults(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    String kind = Nodes.text(copy, "kind");
    if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
      return copy;
    }
    ObjectNode roleRef = Nodes.object(copy, "roleRef");
    if (roleRef == null) {
      roleRef = copy.putObject("roleRef");
    }
    if (Nodes.text(roleRef, "apiGroup").isEmpty()) {
      roleRef.put("apiGroup", GROUP);
    }
    for (JsonNode subject : Nodes.array(copy, "subjects")) {
      if (subject instanceof ObjectNode s && Nodes.text(s, "apiGroup").isEmpty()) {
        switch (Nodes.text(s, "kind")) {
          case "User", "Group" -> s.put("apiGroup", GROUP);
          default -> {}
        }
      }
    }
    return copy;
  }
}
