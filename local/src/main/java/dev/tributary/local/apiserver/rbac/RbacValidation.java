package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validation of Role, ClusterRole, RoleBinding and ClusterRoleBinding as kube-apiserver does it
 * (its {@code pkg/apis/rbac/validation}), on the defaulted object ({@link RbacDefaults}): names,
 * rules, role references and subjects, each error with its field path and upstream's message.
 *
 * <p>A ClusterRoleBinding's ServiceAccount subject must name its namespace ({@code
 * subjects[0].namespace: Required value}); a RoleBinding's may leave it out, meaning the binding's.
 * Metadata beyond the name (namespace presence, labels, annotations) is the generic object
 * validation's business, not this class's.
 */
public final class RbacValidation {

  private static final String SUBJECT_SA = "ServiceAccount";
  private static final String SUBJECT_USER = "User";
  private static final String SUBJECT_GROUP = "Group";

  private RbacValidation() {}

  /**
   * The field errors of a new RBAC object, in upstream's order; empty when it is valid.
   *
   * @throws IllegalArgumentException if {@code object} is not one of the four RBAC kinds
   */
  public static List<FieldCause> validate(ObjectNode object) {
    ObjectNode o = RbacDefaults.withDefaults(object);
    List<FieldCause> causes = new ArrayList<>();
    validateName(o, causes);
    switch (Nodes.text(o, "kind")) {
      case "Role" -> validateRules(o, true, causes);
      case "ClusterRole" -> validateRules(o, false, causes);
      case "RoleBinding" -> validateBinding(o, true, causes);
      case "ClusterRoleBinding" -> validateBinding(o, false, causes);
      default ->
          throw new IllegalArgumentException(
              "not an RBAC kind: " + GoQuote.quote(Nodes.text(o, "kind")));
    }
    return causes;
  }

  /**
   * The field errors of an update from {@code old} to {@code object}: those of {@link
   * #validate(ObjectNode)}, plus {@code roleRef: Invalid value: ...: cannot change roleRef} when a
   * binding's role reference changed — a binding is deleted and recreated to point elsewhere.
   */
  public static List<FieldCause> validateUpdate(ObjectNode object, ObjectNode old) {
    List<FieldCause> causes = validate(object);
    String kind = Nodes.text(object, "kind");
    if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
      JsonNode roleRef = Nodes.object(RbacDefaults.withDefaults(object), "roleRef");
      JsonNode oldRoleRef = Nodes.object(RbacDefaults.withDefaults(old), "roleRef");
      if (!sameRoleRef(roleRef, oldRoleRef)) {
        causes.add(
            FieldCause.invalidRendered("roleRef", goRoleRef(roleRef), "cannot change roleRef"));
      }
    }
    return causes;
  }

  private static void validateName(ObjectNode o, List<FieldCause> causes) {
    ObjectNode metadata = Nodes.object(o, "metadata");
    String generateName = Nodes.text(metadata, "generateName");
    if (!generateName.isEmpty()) {
      for (String message : pathSegmentErrors(generateName)) {
        causes.add(FieldCause.invalid("metadata.generateName", generateName, message));
      }
    }
    String name = Nodes.text(metadata, "name");
    if (name.isEmpty()) {
      causes.add(FieldCause.required("metadata.name", "name or generateName is required"));
    } else {
      for (String message : pathSegmentErrors(name)) {
        causes.add(FieldCause.invalid("metadata.name", name, message));
      }
    }
  }

  private static void validateRules(ObjectNode o, boolean namespaced, List<FieldCause> causes) {
    List<JsonNode> rules = Nodes.array(o, "rules");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String path = "rules[" + i + "]";
      if (Nodes.strings(rule, "verbs").isEmpty()) {
        causes.add(FieldCause.required(path + ".verbs", "verbs must contain at least one value"));
      }
      List<String> urls = Nodes.strings(rule, "nonResourceURLs");
      List<String> groups = Nodes.strings(rule, "apiGroups");
      List<String> resources = Nodes.strings(rule, "resources");
      List<String> names = Nodes.strings(rule, "resourceNames");
      if (!urls.isEmpty()) {
        String rendered = GoText.stringSlice(urls);
        if (namespaced) {
          causes.add(
              FieldCause.invalidRendered(
                  path + ".nonResourceURLs",
                  rendered,
                  "namespaced rules cannot apply to non-resource URLs"));
        }
        if (!groups.isEmpty() || !resources.isEmpty() || !names.isEmpty()) {
          causes.add(
              FieldCause.invalidRendered(
                  path + ".nonResourceURLs",
                  rendered,
                  "rules cannot apply to both regular resources and non-resource URLs"));
        }
        continue;
      }
      if (groups.isEmpty()) {
        causes.add(
            FieldCause.required(
                path + ".apiGroups", "resource rules must supply at least one api group"));
      }
      if (resources.isEmpty()) {
        causes.add(
            FieldCause.required(
                path + ".resources", "resource rules must supply at least one resource"));
      }
      if (!names.isEmpty() && resources.size() > 1) {
        causes.add(
            FieldCause.required(
                path + ".resourceNames", "resource names cannot apply to multiple resources"));
      }
    }
  }

  private static void validateBinding(ObjectNode o, boolean namespaced, List<FieldCause> causes) {
    JsonNode roleRef = Nodes.object(o, "roleRef");
    String apiGroup = Nodes.text(roleRef, "apiGroup");
    if (!apiGroup.equals(RbacDefaults.GROUP)) {
      causes.add(
          FieldCause.notSupported("roleRef.apiGroup", apiGroup, List.of(RbacDefaults.GROUP)));
    }
    String kind = Nodes.text(roleRef, "kind");
    List<String> kinds = namespaced ? List.of("Role", "ClusterRole") : List.of("ClusterRole");
    if (!kinds.contains(kind)) {
      causes.add(FieldCause.notSupported("roleRef.kind", kind, kinds));
    }
    String name = Nodes.text(roleRef, "name");
    if (name.isEmpty()) {
      causes.add(FieldCause.required("roleRef.name", ""));
    } else {
      for (String message : pathSegmentErrors(name)) {
        causes.add(FieldCause.invalid("roleRef.name", name, message));
      }
    }
    List<JsonNode> subjects = Nodes.array(o, "subjects");
    for (int i = 0; i < subjects.size(); i++) {
      validateSubject(subjects.get(i), namespaced, "subjects[" + i + "]", causes);
    }
  }

  private static void validateSubject(
      JsonNode subject, boolean namespaced, String path, List<FieldCause> causes) {
    String name = Nodes.text(subject, "name");
    String apiGroup = Nodes.text(subject, "apiGroup");
    if (name.isEmpty()) {
      causes.add(FieldCause.required(path + ".name", ""));
    }
    String kind = Nodes.text(subject, "kind");
    switch (kind) {
      case SUBJECT_SA -> {
        if (!name.isEmpty()) {
          for (String message : DnsNames.subdomainErrors(name)) {
            causes.add(FieldCause.invalid(path + ".name", name, message));
          }
        }
        if (!apiGroup.isEmpty()) {
          causes.add(FieldCause.notSupported(path + ".apiGroup", apiGroup, List.of("")));
        }
        if (!namespaced && Nodes.text(subject, "namespace").isEmpty()) {
          causes.add(FieldCause.required(path + ".namespace", ""));
        }
      }
      case SUBJECT_USER, SUBJECT_GROUP -> {
        if (name.isEmpty()) {
          causes.add(
              FieldCause.invalid(
                  path + ".name", name, kind.toLowerCase(Locale.ROOT) + " name cannot be empty"));
        }
        if (!apiGroup.equals(RbacDefaults.GROUP)) {
          causes.add(
              FieldCause.notSupported(path + ".apiGroup", apiGroup, List.of(RbacDefaults.GROUP)));
        }
      }
      default ->
          causes.add(
              FieldCause.notSupported(
                  path + ".kind", kind, List.of(SUBJECT_SA, SUBJECT_USER, SUBJECT_GROUP)));
    }
  }

  /** Kubernetes' {@code IsValidPathSegmentName}, the only rule RBAC object names follow. */
  private static List<String> pathSegmentErrors(String name) {
    if (name.equals(".") || name.equals("..")) {
      return List.of("may not be '" + name + "'");
    }
    List<String> errors = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errors.add("may not contain '" + illegal + "'");
      }
    }
    return errors;
  }

  private static boolean sameRoleRef(JsonNode a, JsonNode b) {
    for (String field : List.of("apiGroup", "kind", "name")) {
      if (!Nodes.text(a, field).equals(Nodes.text(b, field))) {
        return false;
      }
    }
    return true;
  }

  /** The new roleRef as Go's {@code %#v} prints the internal struct kube-apiserver 1.32 reports. */
  private static String goRoleRef(JsonNode roleRef) {
    return "rbac.RoleRef{APIGroup:%s, Kind:%s, Name:%s}"
        .formatted(
            GoQuote.quote(Nodes.text(roleRef, "apiGroup")),
            GoQuote.quote(Nodes.text(roleRef, "kind")),
            GoQuote.quote(Nodes.text(roleRef, "name")));
  }
}
