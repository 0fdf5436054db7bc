package dev.tributary.local.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/**
 * Legacy discovery documents: {@code /api} (APIVersions), {@code /apis} (APIGroupList), {@code
 * /apis/G} (APIGroup) and {@code /api/v1}, {@code /apis/G/V} (APIResourceList). fabric8 and the
 * Python client use only these. Stateless; reads the registry's current snapshot.
 */
public final class LegacyDiscovery {

  private LegacyDiscovery() {}

  /** {@code GET /api}. */
  public static ObjectNode apiVersions(String serverAddress) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("kind", "APIVersions");
    root.putArray("versions").add("v1");
    root.putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return root;
  }

  /** {@code GET /apis}: every named group (the core group is not listed). */
  public static ObjectNode groupList(ResourceRegistry registry) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("kind", "APIGroupList");
    root.put("apiVersion", "v1");
    ArrayNode groups = root.putArray("groups");
    for (String group : registry.groups()) {
      if (!group.isEmpty()) {
        groups.add(groupBody(group, registry.versions(group)));
      }
    }
    return root;
  }

  /** {@code GET /apis/G}, or null if the group is not served. */
  public static ObjectNode group(ResourceRegistry registry, String group) {
    List<GroupVersion> versions = registry.versions(group);
    if (versions.isEmpty() || group.isEmpty()) {
      return null;
    }
    ObjectNode body = groupBody(group, versions);
    body.put("kind", "APIGroup");
    body.put("apiVersion", "v1");
    return body;
  }

  /** {@code GET /api/v1} or {@code GET /apis/G/V}, or null if not served. */
  public static ObjectNode resourceList(ResourceRegistry registry, GroupVersion groupVersion) {
    if (!registry.serves(groupVersion)) {
      return null;
    }
    ObjectNode root = Json.NODES.objectNode();
    root.put("kind", "APIResourceList");
    root.put("apiVersion", "v1");
    root.put("groupVersion", groupVersion.toString());
    ArrayNode resources = root.putArray("resources");
    for (ResourceType type : registry.resources(groupVersion)) {
      ObjectNode resource = resources.addObject();
      resource.put("name", type.plural());
      resource.put("singularName", type.singular());
      resource.put("namespaced", type.namespaced());
      resource.put("kind", type.kind());
      strings(resource.putArray("verbs"), type.verbs());
      if (!type.shortNames().isEmpty()) {
        strings(resource.putArray("shortNames"), type.shortNames());
      }
      if (!type.categories().isEmpty()) {
        strings(resource.putArray("categories"), type.categories());
      }
      for (String sub : type.subresources()) {
        ObjectNode subresource = resources.addObject();
        subresource.put("name", type.plural() + "/" + sub);
        subresource.put("singularName", "");
        subresource.put("namespaced", type.namespaced());
        if (sub.equals("scale")) {
          subresource.put("group", "autoscaling").put("version", "v1").put("kind", "Scale");
        } else {
          subresource.put("kind", type.kind());
        }
        strings(subresource.putArray("verbs"), Subresources.verbs(sub));
      }
    }
    return root;
  }

  private static ObjectNode groupBody(String group, List<GroupVersion> versions) {
    ObjectNode body = Json.NODES.objectNode();
    body.put("name", group);
    ArrayNode list = body.putArray("versions");
    for (GroupVersion gv : versions) {
      list.addObject().put("groupVersion", gv.toString()).put("version", gv.version());
    }
    body.putObject("preferredVersion")
        .put("groupVersion", versions.get(0).toString())
        .put("version", versions.get(0).version());
    return body;
  }

  static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
