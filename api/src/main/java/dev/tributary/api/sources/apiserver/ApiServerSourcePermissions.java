package dev.tributary.api.sources.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure part of upstream's permission check ({@code runAccessCheck}): which SubjectAccessReviews
 * to make, and the SufficientPermissions message when some are denied. The reconciler makes the
 * reviews.
 *
 * <p>Upstream checks, for each entry of {@code spec.resources} in order, each watched namespace in
 * order, the verbs {@code get, list, watch}, as user {@code
 * system:serviceaccount:<namespace>:<serviceAccountName or default>}, with the resource name
 * guessed from the kind ({@link GroupVersionResource#guessPlural}).
 */
public final class ApiServerSourcePermissions {
  /** The verbs checked, in upstream's order. */
  public static final List<String> VERBS = List.of("get", "list", "watch");

  private ApiServerSourcePermissions() {}

  /** One resource in one namespace whose {@link #VERBS} must be allowed. */
  public record ResourceAccess(String group, String resource, String namespace) {}

  /** The verbs denied for one {@link ResourceAccess}, in {@link #VERBS} order. */
  public record Missing(ResourceAccess access, List<String> verbs) {
    public Missing {
      verbs = List.copyOf(verbs);
    }
  }

  /** The user the adapter acts as: {@code system:serviceaccount:<ns>:<sa, or default if empty>}. */
  public static String serviceAccountUser(String namespace, String serviceAccountName) {
    String sa =
        serviceAccountName == null || serviceAccountName.isEmpty()
            ? ApiServerSourceDefaults.DEFAULT_SERVICE_ACCOUNT
            : serviceAccountName;
    return "system:serviceaccount:" + namespace + ":" + sa;
  }

  /**
   * What to check, in upstream's order: for each resource, for each namespace.
   *
   * @throws IllegalArgumentException when a resource's apiVersion does not parse (validation
   *     prevents it)
   */
  public static List<ResourceAccess> required(
      List<ApiVersionKindSelector> resources, List<String> namespaces) {
    List<ResourceAccess> out = new ArrayList<>();
    for (ApiVersionKindSelector r : resources) {
      GroupVersion gv = GroupVersion.parse(r.apiVersion());
      String resource = GroupVersionResource.guess(gv, r.kind()).resource();
      for (String namespace : namespaces) {
        out.add(new ResourceAccess(gv.group(), resource, namespace));
      }
    }
    return out;
  }

  /**
   * Upstream's SufficientPermissions message: {@code User <user> cannot <verbs> resource "<res>" in
   * API group "<grp>" in Namespace "<ns>"}, one clause per entry of {@code missing} joined with
   * {@code ", "}, the verbs of a clause joined with {@code ", "} too.
   */
  public static String insufficientPermissionsMessage(String user, List<Missing> missing) {
    List<String> clauses = new ArrayList<>(missing.size());
    for (Missing m : missing) {
      clauses.add(
          String.join(", ", m.verbs())
              + " resource \""
              + m.access().resource()
              + "\" in API group \""
              + m.access().group()
              + "\" in Namespace \""
              + m.access().namespace()
              + "\"");
    }
    return "User " + user + " cannot " + String.join(", ", clauses);
  }

  /**
   * The reconcile error upstream returns alongside: {@code insufficient permissions: <message>}.
   */
  public static String insufficientPermissionsError(String user, List<Missing> missing) {
    return "insufficient permissions: " + insufficientPermissionsMessage(user, missing);
  }

  /**
   * True when the source's annotations ask to skip the check ({@link
   * ApiServerSource#SKIP_PERMISSIONS_ANNOTATION} is exactly {@code "true"}); the adapter then runs
   * in fail-fast mode.
   */
  public static boolean skipsCheck(Map<String, String> annotations) {
    return annotations != null
        && "true".equals(annotations.get(ApiServerSource.SKIP_PERMISSIONS_ANNOTATION));
  }
}
