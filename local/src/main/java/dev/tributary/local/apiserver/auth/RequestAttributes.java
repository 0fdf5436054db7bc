package dev.tributary.local.apiserver.auth;

import dev.tributary.local.security.UserInfo;
import java.util.Objects;

/**
 * What a request asks to do, as an {@link Authorizer} sees it (Kubernetes' authorizer attributes).
 *
 * @param user who asks
 * @param verb {@code get}, {@code list}, {@code watch}, {@code create}, {@code update}, {@code
 *     patch}, {@code delete}, {@code deletecollection}; for non-resource requests the lower-cased
 *     HTTP method
 * @param resourceRequest whether the request is for an API resource (else a path like {@code
 *     /version})
 * @param apiGroup the resource's group, empty for the core group
 * @param apiVersion the resource's version
 * @param resource the plural resource, e.g. {@code pods}
 * @param subresource e.g. {@code status}, or empty
 * @param namespace the namespace, or empty for cluster-scoped and all-namespaces requests
 * @param name the object's name, or empty for collections
 * @param path the request path, for non-resource requests
 */
public record RequestAttributes(
    UserInfo user,
    String verb,
    boolean resourceRequest,
    String apiGroup,
    String apiVersion,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {

  public RequestAttributes {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(apiGroup, "apiGroup");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
  }

  /** A request for a path that is not an API resource, e.g. {@code /version}. */
  public static RequestAttributes nonResource(UserInfo user, String verb, String path) {
    return new RequestAttributes(user, verb, false, "", "", "", "", "", "", path);
  }
}
