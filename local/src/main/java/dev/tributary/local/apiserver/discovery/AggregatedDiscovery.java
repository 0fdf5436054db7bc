package dev.tributary.local.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.http.MediaRange;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;

/**
 * Aggregated discovery ({@code apidiscovery.k8s.io/v2} APIGroupDiscoveryList): the whole resource
 * set in one answer to {@code /api} or {@code /apis}, which kubectl asks for first and which spares
 * it one request per group-version. Served only when the Accept header asks for it, with {@link
 * #CONTENT_TYPE}: kubectl would read the same body under plain JSON as a legacy document.
 */
public final class AggregatedDiscovery {

  /** The Content-Type kubectl requires on an aggregated answer. */
  public static final String CONTENT_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  private AggregatedDiscovery() {}

  /** Whether an Accept header asks for aggregated discovery v2. */
  public static boolean requested(String accept) {
    return MediaRange.parseAll(accept).stream()
        .anyMatch(r -> r.asks("APIGroupDiscoveryList", "apidiscovery.k8s.io", "v2"));
  }

  /**
   * The list for {@code /api} ({@code core} true: the core group only, named {@code ""}) or for
   * {@code /apis} (every named group).
   */
  public static ObjectNode groupList(ResourceRegistry registry, boolean core) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("kind", "APIGroupDiscoveryList");
    root.put("apiVersion", "apidiscovery.k8s.io/v2");
    root.putObject("metadata");
    ArrayNode items = root.putArray("items");
    for (String group : registry.groups()) {
      if (group.isEmpty() != core) {
        continue;
      }
      ObjectNode item = items.addObject();
      item.putObject("metadata").put("name", group);
      ArrayNode versions = item.putArray("versions");
      for (GroupVersion gv : registry.versions(group)) {
        ObjectNode version = versions.addObject();
        version.put("version", gv.version());
        ArrayNode resources = version.putArray("resources");
        for (ResourceType type : registry.resources(gv)) {
          resources.add(resource(type));
        }
        version.put("freshness", "Current");
      }
    }
    return root;
  }

  private static ObjectNode resource(ResourceType type) {
    ObjectNode resource = Json.NODES.objectNode();
    resource.put("resource", type.plural());
    resource.set("responseKind", responseKind(type));
    resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster");
    resource.put("singularResource", type.singular());
    LegacyDiscovery.strings(resource.putArray("verbs"), type.verbs());
    if (!type.shortNames().isEmpty()) {
      LegacyDiscovery.strings(resource.putArray("shortNames"), type.shortNames());
    }
    if (!type.categories().isEmpty()) {
      LegacyDiscovery.strings(resource.putArray("categories"), type.categories());
    }
    if (!type.subresources().isEmpty()) {
      ArrayNode subresources = resource.putArray("subresources");
      for (String sub : type.subresources()) {
        ObjectNode subresource = subresources.addObject();
        subresource.put("subresource", sub);
        subresource.set(
            "responseKind",
            sub.equals("scale")
                ? Json.NODES
                    .objectNode()
                    .put("group", "autoscaling")
                    .put("version", "v1")
                    .put("kind", "Scale")
                : responseKind(type));
        LegacyDiscovery.strings(subresource.putArray("verbs"), Subresources.verbs(sub));
      }
    }
    return resource;
  }

  private static ObjectNode responseKind(ResourceType type) {
    ObjectNode kind = Json.NODES.objectNode();
    kind.put("group", type.group());
    kind.put("version", type.version());
    kind.put("kind", type.kind());
    return kind;
  }
}
