package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.security.UserInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes RBAC over the roles and bindings {@link RbacObjects} supplies, preceded by the
 * privileged-group check kube-apiserver runs first: members of {@code system:masters} may do
 * anything.
 *
 * <p>For everyone else, as upstream's RBAC authorizer: every ClusterRoleBinding and, for a
 * namespaced request, every RoleBinding of the request's namespace that has a subject matching the
 * user (User by name, Group by membership, ServiceAccount by the username {@code
 * system:serviceaccount:NS:NAME}, where a RoleBinding's ServiceAccount subject without a namespace
 * means the binding's namespace and a ClusterRoleBinding's matches nobody) grants the rules of the
 * role it refers to — a Role of the binding's namespace, or a ClusterRole, which a RoleBinding
 * grants inside its namespace only. An aggregated ClusterRole ({@code aggregationRule}) has the
 * rules of every ClusterRole its selectors match, resolved here on each request since no
 * aggregation controller writes them back. The first rule that matches allows; when none does, a
 * binding pointing at a missing role is named in the denial ({@code RBAC: clusterrole.rbac... "x"
 * not found}).
 *
 * <p>Stateless and thread-safe when the {@code RbacObjects} is; reads it on every call.
 */
public final class RbacAuthorizer implements Authorizer {

  private final RbacObjects objects;

  public RbacAuthorizer(RbacObjects objects) {
    this.objects = objects;
  }

  @Override
  public Decision authorize(RequestAttributes attributes) {
    UserInfo user = attributes.user();
    if (user.groups().contains(UserInfo.MASTERS_GROUP)) {
      return Decision.allow("");
    }
    List<String> errors = new ArrayList<>();
    for (ObjectNode binding : objects.clusterRoleBindings()) {
      Optional<String> allowedBy = visit(binding, "", attributes, errors);
      if (allowedBy.isPresent()) {
        return Decision.allow(allowedBy.get());
      }
    }
    if (!attributes.namespace().isEmpty()) {
      for (ObjectNode binding : objects.roleBindings(attributes.namespace())) {
        Optional<String> allowedBy = visit(binding, attributes.namespace(), attributes, errors);
        if (allowedBy.isPresent()) {
          return Decision.allow(allowedBy.get());
        }
      }
    }
    return Decision.deny(attributes, errors.isEmpty() ? "" : "RBAC: " + aggregate(errors));
  }

  /**
   * The allowed-by reason if {@code binding} applies to the user and grants a rule covering the
   * request; a role it refers to but cannot be found is added to {@code errors}.
   *
   * @param namespace the binding's namespace, "" for a ClusterRoleBinding
   */
  private Optional<String> visit(
      ObjectNode binding, String namespace, RequestAttributes attributes, List<String> errors) {
    JsonNode subject = firstApplyingSubject(attributes.user(), binding, namespace);
    if (subject == null) {
      return Optional.empty();
    }
    JsonNode roleRef = Nodes.object(binding, "roleRef");
    List<JsonNode> rules;
    try {
      rules = referencedRules(roleRef, namespace);
    } catch (RoleNotFound e) {
      errors.add(e.getMessage());
      return Optional.empty();
    }
    for (JsonNode rule : rules) {
      if (PolicyRules.allows(rule, attributes)) {
        return Optional.of("RBAC: allowed by " + describe(binding, namespace, roleRef, subject));
      }
    }
    return Optional.empty();
  }

  private static JsonNode firstApplyingSubject(UserInfo user, JsonNode binding, String namespace) {
    for (JsonNode subject : Nodes.array(binding, "subjects")) {
      if (appliesTo(user, subject, namespace)) {
        return subject;
      }
    }
    return null;
  }

  private static boolean appliesTo(UserInfo user, JsonNode subject, String namespace) {
    String name = Nodes.text(subject, "name");
    return switch (Nodes.text(subject, "kind")) {
      case "User" -> user.username().equals(name);
      case "Group" -> user.groups().contains(name);
      case "ServiceAccount" -> {
        String saNamespace = Nodes.text(subject, "namespace");
        if (saNamespace.isEmpty()) {
          saNamespace = namespace;
        }
        yield !saNamespace.isEmpty()
            && user.username().equals(UserInfo.SERVICE_ACCOUNT_PREFIX + saNamespace + ":" + name);
      }
      default -> false;
    };
  }

  private List<JsonNode> referencedRules(JsonNode roleRef, String namespace) throws RoleNotFound {
    String kind = Nodes.text(roleRef, "kind");
    String name = Nodes.text(roleRef, "name");
    return switch (kind) {
      case "Role" ->
          Nodes.array(
              objects
                  .role(namespace, name)
                  .orElseThrow(() -> new RoleNotFound("role.rbac.authorization.k8s.io", name)),
              "rules");
      case "ClusterRole" ->
          clusterRoleRules(
              objects
                  .clusterRole(name)
                  .orElseThrow(
                      () -> new RoleNotFound("clusterrole.rbac.authorization.k8s.io", name)),
              new HashSet<>());
      default -> throw new RoleNotFound("unsupported role reference kind: " + GoQuote.quote(kind));
    };
  }

  /**
   * The rules of a ClusterRole; for an aggregated one, the union of the rules of every other
   * ClusterRole one of its selectors matches (in name order, duplicates dropped, as the aggregation
   * controller computes them), its own {@code rules} being what that controller would overwrite.
   */
  private List<JsonNode> clusterRoleRules(JsonNode role, Set<String> resolving) {
    JsonNode aggregation = Nodes.object(role, "aggregationRule");
    if (aggregation == null) {
      return Nodes.array(role, "rules");
    }
    String self = Nodes.name(role);
    resolving.add(self);
    List<JsonNode> selectors = Nodes.array(aggregation, "clusterRoleSelectors");
    Set<JsonNode> rules = new LinkedHashSet<>();
    List<ObjectNode> candidates = new ArrayList<>(objects.clusterRoles());
    candidates.sort(Comparator.comparing(Nodes::name));
    for (ObjectNode candidate : candidates) {
      String name = Nodes.name(candidate);
      if (resolving.contains(name)) {
        continue;
      }
      JsonNode labels = Nodes.object(Nodes.object(candidate, "metadata"), "labels");
      if (selectors.stream().anyMatch(s -> LabelSelectors.matches(s, labels))) {
        rules.addAll(clusterRoleRules(candidate, resolving));
      }
    }
    resolving.remove(self);
    return List.copyOf(rules);
  }

  private static String describe(
      JsonNode binding, String namespace, JsonNode roleRef, JsonNode subject) {
    String bindingName =
        namespace.isEmpty()
            ? "ClusterRoleBinding " + GoQuote.quote(Nodes.name(binding))
            : "RoleBinding " + GoQuote.quote(Nodes.name(binding) + "/" + namespace);
    String kind = Nodes.text(subject, "kind");
    String subjectName = Nodes.text(subject, "name");
    if (kind.equals("ServiceAccount")) {
      String saNamespace = Nodes.text(subject, "namespace");
      subjectName += "/" + (saNamespace.isEmpty() ? namespace : saNamespace);
    }
    return bindingName
        + " of "
        + Nodes.text(roleRef, "kind")
        + " "
        + GoQuote.quote(Nodes.text(roleRef, "name"))
        + " to "
        + kind
        + " "
        + GoQuote.quote(subjectName);
  }

  /** Kubernetes' aggregate error text: one message as is, several deduplicated in brackets. */
  private static String aggregate(List<String> errors) {
    List<String> unique = List.copyOf(new LinkedHashSet<>(errors));
    return unique.size() == 1 ? unique.get(0) : "[" + String.join(", ", unique) + "]";
  }

  /** A binding's role reference that resolves to nothing; its message is upstream's. */
  private static final class RoleNotFound extends Exception {
    RoleNotFound(String qualifiedResource, String name) {
      super(qualifiedResource + " " + GoQuote.quote(name) + " not found");
    }

    RoleNotFound(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // an expected outcome reported as text; a stack trace would only cost time
    }
  }
}
