package dev.tributary.local.apiserver.http;

import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * The resource a request addresses.
 *
 * @param type the resource at the requested version
 * @param namespace the namespace, or null (cluster-scoped resource, or all namespaces)
 * @param name the object's name, or null for the collection
 * @param subresource e.g. {@code status}, or {@code ""}
 */
public record ResourceRoute(ResourceType type, String namespace, String name, String subresource) {

  /** Whether the request is for a collection (LIST, WATCH, POST, DELETE collection). */
  public boolean collection() {
    return name == null;
  }

  /**
   * Resolves the resource part of an API path: {@code rest} is what follows {@code /api/v1} or
   * {@code /apis/G/V}, and must not be empty.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 404 if nothing is served there
   */
  public static ResourceRoute resolve(
      ResourceRegistry registry, String group, String version, List<String> rest) {
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      Optional<ResourceType> namespaced =
          registry.find(group, version, rest.get(2)).filter(ResourceType::namespaced);
      if (namespaced.isPresent()) {
        if (rest.size() > 5) {
          throw ApiErrors.pathNotFound();
        }
        return route(
            namespaced.get(),
            rest.get(1),
            rest.size() > 3 ? rest.get(3) : null,
            rest.size() > 4 ? rest.get(4) : "");
      }
    }
    if (rest.size() > 3) {
      throw ApiErrors.pathNotFound();
    }
    ResourceType type =
        registry.find(group, version, rest.get(0)).orElseThrow(ApiErrors::pathNotFound);
    String name = rest.size() > 1 ? rest.get(1) : null;
    if (type.namespaced() && name != null) {
      throw ApiErrors.pathNotFound();
    }
    return route(type, null, name, rest.size() > 2 ? rest.get(2) : "");
  }

  private static ResourceRoute route(
      ResourceType type, String namespace, String name, String subresource) {
    if (!subresource.isEmpty() && !type.subresources().contains(subresource)) {
      throw ApiErrors.pathNotFound();
    }
    return new ResourceRoute(type, namespace, name, subresource);
  }
}
