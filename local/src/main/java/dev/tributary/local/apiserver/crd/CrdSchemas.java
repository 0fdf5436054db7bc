package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.schema.CustomResourceSchema;
import dev.tributary.local.apiserver.schema.InvalidSchemaException;
import dev.tributary.local.apiserver.schema.PruneResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SchemaProcessor} of Kubernetes: each served CRD version's structural schema, parsed
 * once per version of the CRD (kept until the CRD changes), pruning, defaulting and validating with
 * Kubernetes' paths and messages. A version without a schema keeps objects as they are.
 * Thread-safe.
 */
public final class CrdSchemas implements SchemaProcessor {

  private record Parsed(ObjectNode version, Optional<CustomResourceSchema> schema) {}

  private final Map<String, Parsed> byResource = new ConcurrentHashMap<>();

  @Override
  public ObjectNode decode(ResourceType type, ObjectNode object) {
    return schema(type).map(s -> s.decode(object).object()).orElse(object);
  }

  @Override
  public PruneResult decodeReporting(ResourceType type, ObjectNode object) {
    return schema(type).map(s -> s.decode(object)).orElse(new PruneResult(object, List.of()));
  }

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, boolean status) {
    return schema(type)
        .map(s -> status ? s.validateStatus(object) : s.validate(object))
        .orElse(List.of())
        .stream()
        .map(c -> new FieldCause(c.reason(), c.field(), c.message()))
        .toList();
  }

  private Optional<CustomResourceSchema> schema(ResourceType type) {
    ObjectNode version = type.customResource();
    if (version == null) {
      return Optional.empty();
    }
    String key = type.group() + "/" + type.version() + "/" + type.plural();
    Parsed parsed = byResource.get(key);
    // A CRD update registers new ResourceTypes with new version nodes: parse again then.
    if (parsed == null || parsed.version() != version) {
      parsed = new Parsed(version, parse(version.path("schema").get("openAPIV3Schema")));
      byResource.put(key, parsed);
    }
    return parsed.schema();
  }

  private static Optional<CustomResourceSchema> parse(JsonNode openApiV3Schema) {
    if (openApiV3Schema == null || openApiV3Schema.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CustomResourceSchema.of(openApiV3Schema));
    } catch (InvalidSchemaException e) {
      // The CRD's own validation refuses such schemas; one stored before that is served as is.
      return Optional.empty();
    }
  }
}
