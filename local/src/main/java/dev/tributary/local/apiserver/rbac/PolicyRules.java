package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether one RBAC {@code PolicyRule} (as a JSON tree) covers a request: Kubernetes' matching. */
final class PolicyRules {

  private static final String ALL = "*";

  private PolicyRules() {}

  /**
   * Whether {@code rule} allows {@code a}: for a resource request its verbs, apiGroups, resources
   * ({@code *}, {@code resource/subresource}, or {@code *}{@code /subresource} for a subresource of
   * any resource) and resourceNames (empty = any) all match; for a non-resource request its verbs
   * and nonResourceURLs ({@code *}, exact, or a prefix ending in {@code *}) match.
   */
  static boolean allows(JsonNode rule, RequestAttributes a) {
    if (!verbMatches(rule, a.verb())) {
      return false;
    }
    if (!a.resourceRequest()) {
      return nonResourceUrlMatches(rule, a.path());
    }
    String combined =
        a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
    return apiGroupMatches(rule, a.apiGroup())
        && resourceMatches(rule, combined, a.subresource())
        && resourceNameMatches(rule, a.name());
  }

  private static boolean verbMatches(JsonNode rule, String verb) {
    return Nodes.strings(rule, "verbs").stream().anyMatch(v -> v.equals(ALL) || v.equals(verb));
  }

  private static boolean apiGroupMatches(JsonNode rule, String group) {
    return Nodes.strings(rule, "apiGroups").stream()
        .anyMatch(g -> g.equals(ALL) || g.equals(group));
  }

  private static boolean resourceMatches(JsonNode rule, String combined, String subresource) {
    for (String resource : Nodes.strings(rule, "resources")) {
      if (resource.equals(ALL) || resource.equals(combined)) {
        return true;
      }
      if (!subresource.isEmpty() && resource.equals("*/" + subresource)) {
        return true;
      }
    }
    return false;
  }

  private static boolean resourceNameMatches(JsonNode rule, String name) {
    var names = Nodes.strings(rule, "resourceNames");
    return names.isEmpty() || names.contains(name);
  }

  private static boolean nonResourceUrlMatches(JsonNode rule, String path) {
    for (String url : Nodes.strings(rule, "nonResourceURLs")) {
      if (url.equals(ALL) || url.equals(path)) {
        return true;
      }
      if (url.endsWith(ALL) && path.startsWith(stripTrailingStars(url))) {
        return true;
      }
    }
    return false;
  }

  private static String stripTrailingStars(String url) {
    int end = url.length();
    while (end > 0 && url.charAt(end - 1) == '*') {
      end--;
    }
    return url.substring(0, end);
  }
}
