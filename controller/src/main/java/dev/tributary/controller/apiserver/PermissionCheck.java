package dev.tributary.controller.apiserver;

import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions;
import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions.Missing;
import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions.ResourceAccess;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code runAccessCheck}: for each resource, each watched namespace and each of {@code
 * get, list, watch}, whether the source's ServiceAccount is allowed; the denials, in upstream's
 * order. Blocks on the reviews.
 */
public final class PermissionCheck {

  private final AccessReviewer reviewer;

  public PermissionCheck(AccessReviewer reviewer) {
    this.reviewer = reviewer;
  }

  /**
   * What the source's ServiceAccount may not do; empty when it may do everything (or watches
   * nothing).
   *
   * @param namespace the source's namespace (the ServiceAccount's)
   * @param namespaces the namespaces the adapter will watch
   * @return the SufficientPermissions message when something is denied
   */
  public Optional<String> denied(
      String namespace, ApiServerSourceSpec spec, List<String> namespaces) {
    String user =
        ApiServerSourcePermissions.serviceAccountUser(namespace, spec.serviceAccountName());
    List<Missing> missing = new ArrayList<>();
    for (ResourceAccess access :
        ApiServerSourcePermissions.required(spec.resources(), namespaces)) {
      List<String> verbs = new ArrayList<>();
      for (String verb : ApiServerSourcePermissions.VERBS) {
        if (!reviewer.allowed(user, access.namespace(), verb, access.group(), access.resource())) {
          verbs.add(verb);
        }
      }
      if (!verbs.isEmpty()) {
        missing.add(new Missing(access, verbs));
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(ApiServerSourcePermissions.insufficientPermissionsMessage(user, missing));
  }
}
