package dev.tributary.local.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import dev.tributary.local.apiserver.registry.GroupVersion;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code /openapi/v3} documents, as small as {@code kubectl apply} allows: per group-version,
 * one path item per kind whose PATCH operation carries the kind's {@code
 * x-kubernetes-group-version-kind} and a {@code fieldValidation} parameter. Finding that, kubectl
 * leaves validation to the server and downloads no schema. {@code components.schemas} stays empty
 * on purpose: a schema lacking the patch merge keys would make kubectl compute wrong strategic
 * merge patches, while without one it uses its compiled-in types.
 *
 * <p>The index's URLs carry a hash of each document's content, since clients cache by URL.
 * Stateless.
 */
public final class OpenApiV3 {

  private OpenApiV3() {}

  /** {@code GET /openapi/v3}: every served group-version and its document's URL. */
  public static ObjectNode index(ResourceRegistry registry) {
    ObjectNode root = Json.NODES.objectNode();
    ObjectNode paths = root.putObject("paths");
    for (String group : registry.groups()) {
      for (GroupVersion gv : registry.versions(group)) {
        String key = pathKey(gv);
        paths
            .putObject(key)
            .put(
                "serverRelativeURL",
                "/openapi/v3/" + key + "?hash=" + hash(document(registry, gv)));
      }
    }
    return root;
  }

  /**
   * The document of {@code openapi/v3/api/v1} or {@code openapi/v3/apis/G/V}, or null if that
   * group-version is not served.
   */
  public static ObjectNode document(ResourceRegistry registry, GroupVersion groupVersion) {
    if (!registry.serves(groupVersion)) {
      return null;
    }
    ObjectNode root = Json.NODES.objectNode();
    root.put("openapi", "3.0.0");
    root.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = root.putObject("paths");
    String prefix = "/" + pathKey(groupVersion);
    for (ResourceType type : registry.resources(groupVersion)) {
      String path =
          prefix
              + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
              + type.plural()
              + "/{name}";
      ObjectNode patch = paths.putObject(path).putObject("patch");
      patch
          .putObject("x-kubernetes-group-version-kind")
          .put("group", type.group())
          .put("version", type.version())
          .put("kind", type.kind());
      ArrayNode parameters = patch.putArray("parameters");
      parameters
          .addObject()
          .put("name", "fieldValidation")
          .put("in", "query")
          .putObject("schema")
          .put("type", "string");
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    root.putObject("components").putObject("schemas");
    return root;
  }

  /** {@code api/v1} or {@code apis/G/V}. */
  public static String pathKey(GroupVersion gv) {
    return gv.group().isEmpty() ? "api/" + gv.version() : "apis/" + gv.group() + "/" + gv.version();
  }

  private static String hash(ObjectNode document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.string(document).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
