package dev.tributary.local.store;

import java.util.Objects;

/**
 * Where an object lives in the {@link Store}.
 *
 * @param resource the plural resource, qualified by its API group unless it is in the core group:
 *     {@code "namespaces"}, {@code "apps/deployments"}, {@code "sources.knative.dev/pingsources"}.
 *     Versions are not part of the key: every version of a resource is one set of objects.
 * @param namespace the namespace, or {@code ""} for a cluster-scoped resource
 * @param name the object's {@code metadata.name}
 */
public record ObjectKey(String resource, String namespace, String name) {

  public ObjectKey {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(namespace, "namespace (use \"\" for cluster-scoped resources)");
    Objects.requireNonNull(name, "name");
    if (resource.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException("resource and name must not be empty: " + resource);
    }
  }

  /** A key for a cluster-scoped object. */
  public static ObjectKey cluster(String resource, String name) {
    return new ObjectKey(resource, "", name);
  }

  @Override
  public String toString() {
    return namespace.isEmpty() ? resource + "/" + name : resource + "/" + namespace + "/" + name;
  }
}
