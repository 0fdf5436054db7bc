package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionAttributes;
import dev.tributary.local.apiserver.rbac.LabelSelectors;
import java.util.List;
import java.util.function.Function;

/**
 * Decides whether a webhook is called for a request, as kube-apiserver's webhook predicates do:
 * exempt resources, rules (operations, groups, versions, resources with subresource forms, scope),
 * then namespaceSelector and objectSelector.
 *
 * <p>{@code matchPolicy: Equivalent} is simplified: a rule matches any version of the request's
 * group and resource (its {@code apiVersions} are not compared), and the webhook gets the object in
 * the version the client used, not converted to a version the rule names. {@code Exact} compares
 * versions.
 *
 * <p>Thread-safe; blocks only in the namespace-label lookup it is given.
 */
public final class WebhookMatcher {

  /** Requests on these are never sent to webhooks, so a bad webhook cannot lock itself in. */
  private static final List<String> EXEMPT_RESOURCES =
      List.of(
          "mutatingwebhookconfigurations",
          "validatingwebhookconfigurations",
          "validatingadmissionpolicies",
          "validatingadmissionpolicybindings",
          "mutatingadmissionpolicies",
          "mutatingadmissionpolicybindings");

  private final Function<String, JsonNode> namespaceLabels;

  /**
   * @param namespaceLabels the {@code metadata.labels} of a namespace by name (null if it has none
   *     or does not exist); may block
   */
  public WebhookMatcher(Function<String, JsonNode> namespaceLabels) {
    this.namespaceLabels = namespaceLabels;
  }

  /** Whether {@code webhook} is to be called for {@code attributes}. */
  public boolean matches(Webhook webhook, AdmissionAttributes attributes) {
    if (isExempt(attributes)) {
      return false;
    }
    boolean exact = webhook.matchPolicy().equals("Exact");
    boolean anyRule = false;
    for (Webhook.Rule rule : webhook.rules()) {
      if (ruleMatches(rule, attributes, exact)) {
        anyRule = true;
        break;
      }
    }
    return anyRule
        && namespaceMatches(webhook.namespaceSelector(), attributes)
        && objectMatches(webhook.objectSelector(), attributes);
  }

  /** Whether requests on this resource never reach webhooks. */
  public static boolean isExempt(AdmissionAttributes attributes) {
    return attributes.type().group().equals("admissionregistration.k8s.io")
        && EXEMPT_RESOURCES.contains(attributes.type().plural());
  }

  /** One rule against a request; {@code exact} compares the API version too. */
  public static boolean ruleMatches(
      Webhook.Rule rule, AdmissionAttributes attributes, boolean exact) {
    return anyOrContains(rule.operations(), attributes.operation().name())
        && anyOrContains(rule.apiGroups(), attributes.type().group())
        && (!exact || anyOrContains(rule.apiVersions(), attributes.type().version()))
        && resourceMatches(rule.resources(), attributes.type().plural(), attributes.subresource())
        && scopeMatches(rule.scope(), attributes);
  }

  private static boolean anyOrContains(List<String> values, String value) {
    return values.contains("*") || values.contains(value);
  }

  /**
   * Upstream's resource forms: {@code pods} matches the main resource only, {@code pods/status} its
   * status subresource, {@code pods/&#42;} pods and any of its subresources, {@code &#42;} every
   * main resource and {@code &#42;/&#42;} everything.
   */
  static boolean resourceMatches(List<String> resources, String resource, String subresource) {
    for (String entry : resources) {
      int slash = entry.indexOf('/');
      String ruleResource = slash < 0 ? entry : entry.substring(0, slash);
      String ruleSubresource = slash < 0 ? "" : entry.substring(slash + 1);
      boolean resourceOk = ruleResource.equals("*") || ruleResource.equals(resource);
      boolean subresourceOk = ruleSubresource.equals("*") || ruleSubresource.equals(subresource);
      if (resourceOk && subresourceOk) {
        return true;
      }
    }
    return false;
  }

  private static boolean scopeMatches(String scope, AdmissionAttributes attributes) {
    boolean namespaceObject =
        attributes.type().group().isEmpty() && attributes.type().plural().equals("namespaces");
    return switch (scope) {
      case "Namespaced" -> !namespaceObject && !attributes.namespace().isEmpty();
      case "Cluster" -> namespaceObject || attributes.namespace().isEmpty();
      default -> true;
    };
  }

  private boolean namespaceMatches(JsonNode selector, AdmissionAttributes attributes) {
    if (isEmpty(selector)) {
      return true;
    }
    boolean namespaceObject =
        attributes.type().group().isEmpty()
            && attributes.type().plural().equals("namespaces")
            && attributes.subresource().isEmpty();
    if (namespaceObject) {
      // A Namespace is matched by its own labels (the old ones when it is being deleted).
      ObjectNode object =
          attributes.object() != null ? attributes.object() : attributes.oldObject();
      return LabelSelectors.matches(selector, labels(object));
    }
    if (attributes.namespace().isEmpty()) {
      return true; // cluster-scoped: namespaceSelector does not apply
    }
    return LabelSelectors.matches(selector, namespaceLabels.apply(attributes.namespace()));
  }

  private static boolean objectMatches(JsonNode selector, AdmissionAttributes attributes) {
    if (isEmpty(selector)) {
      return true;
    }
    return (attributes.object() != null
            && LabelSelectors.matches(selector, labels(attributes.object())))
        || (attributes.oldObject() != null
            && LabelSelectors.matches(selector, labels(attributes.oldObject())));
  }

  private static JsonNode labels(ObjectNode object) {
    return object == null ? null : object.path("metadata").get("labels");
  }

  private static boolean isEmpty(JsonNode selector) {
    return selector == null || selector.isNull() || (selector.isObject() && selector.isEmpty());
  }
}
