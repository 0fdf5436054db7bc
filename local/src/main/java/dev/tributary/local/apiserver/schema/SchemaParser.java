package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON schema node into a {@link StructuralSchema}. Lenient about what Kubernetes rejects
 * only later ({@link StructuralSchemaCheck} reports those); strict about JSON types, which
 * Kubernetes cannot even decode.
 */
final class SchemaParser {

  private SchemaParser() {}

  static StructuralSchema parse(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidSchemaException(path, "must be an object");
    }
    Map<String, StructuralSchema> properties = new LinkedHashMap<>();
    JsonNode props = node.get("properties");
    if (present(props)) {
      if (!props.isObject()) {
        throw new InvalidSchemaException(path + ".properties", "must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String childPath = path + ".properties[" + e.getKey() + "]";
        StructuralSchema child = parse(e.getValue(), childPath);
        if (child == null) {
          throw new InvalidSchemaException(childPath, "must be an object");
        }
        properties.put(e.getKey(), child);
      }
    }
    // An array of item schemas is forbidden by StructuralSchemaCheck; it carries no structure.
    JsonNode itemsNode = node.get("items");
    StructuralSchema items =
        present(itemsNode) && !itemsNode.isArray() ? parse(itemsNode, path + ".items") : null;
    return new StructuralSchema(
        text(node, "type", path),
        text(node, "title", path),
        text(node, "description", path),
        bool(node, "nullable", path),
        present(node.get("default")) ? node.get("default") : null,
        properties,
        items,
        additionalProperties(node.get("additionalProperties"), path + ".additionalProperties"),
        extensions(node, path),
        validation(node, path));
  }

  private static StructuralSchema.AdditionalProperties additionalProperties(
      JsonNode node, String path) {
    if (!present(node)) {
      return null;
    }
    if (node.isBoolean()) {
      return new StructuralSchema.AdditionalProperties(node.booleanValue(), null);
    }
    return new StructuralSchema.AdditionalProperties(true, parse(node, path));
  }

  private static StructuralSchema.Extensions extensions(JsonNode node, String path) {
    JsonNode preserve = node.get("x-kubernetes-preserve-unknown-fields");
    Boolean preserveUnknownFields = null;
    if (present(preserve)) {
      if (!preserve.isBoolean()) {
        throw new InvalidSchemaException(
            path + ".x-kubernetes-preserve-unknown-fields", "must be a boolean");
      }
      preserveUnknownFields = preserve.booleanValue();
    }
    String listType = text(node, "x-kubernetes-list-type", path);
    String mapType = text(node, "x-kubernetes-map-type", path);
    return new StructuralSchema.Extensions(
        preserveUnknownFields,
        bool(node, "x-kubernetes-int-or-string", path),
        bool(node, "x-kubernetes-embedded-resource", path),
        listType.isEmpty() && !node.has("x-kubernetes-list-type") ? null : listType,
        strings(node, "x-kubernetes-list-map-keys", path),
        mapType.isEmpty() && !node.has("x-kubernetes-map-type") ? null : mapType);
  }

  private static StructuralSchema.ValueValidation validation(JsonNode node, String path) {
    List<JsonNode> enumValues = new ArrayList<>();
    JsonNode enumNode = node.get("enum");
    if (present(enumNode)) {
      if (!enumNode.isArray()) {
        throw new InvalidSchemaException(path + ".enum", "must be an array");
      }
      enumNode.forEach(enumValues::add);
    }
    JsonNode not = node.get("not");
    return new StructuralSchema.ValueValidation(
        text(node, "format", path),
        number(node, "maximum", path),
        bool(node, "exclusiveMaximum", path),
        number(node, "minimum", path),
        bool(node, "exclusiveMinimum", path),
        integer(node, "maxLength", path),
        integer(node, "minLength", path),
        text(node, "pattern", path),
        integer(node, "maxItems", path),
        integer(node, "minItems", path),
        bool(node, "uniqueItems", path),
        number(node, "multipleOf", path),
        enumValues,
        integer(node, "maxProperties", path),
        integer(node, "minProperties", path),
        strings(node, "required", path),
        schemas(node, "allOf", path),
        schemas(node, "anyOf", path),
        schemas(node, "oneOf", path),
        present(not) ? parse(not, path + ".not") : null);
  }

  private static List<StructuralSchema> schemas(JsonNode node, String key, String path) {
    JsonNode list = node.get(key);
    if (!present(list)) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new InvalidSchemaException(path + "." + key, "must be an array");
    }
    List<StructuralSchema> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String itemPath = path + "." + key + "[" + i + "]";
      StructuralSchema s = parse(list.get(i), itemPath);
      if (s == null) {
        throw new InvalidSchemaException(itemPath, "must be an object");
      }
      out.add(s);
    }
    return out;
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  private static String text(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (!present(v)) {
      return "";
    }
    if (!v.isTextual()) {
      throw new InvalidSchemaException(path + "." + key, "must be a string");
    }
    return v.textValue();
  }

  private static boolean bool(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (!present(v)) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new InvalidSchemaException(path + "." + key, "must be a boolean");
    }
    return v.booleanValue();
  }

  private static Double number(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (!present(v)) {
      return null;
    }
    if (!v.isNumber()) {
      throw new InvalidSchemaException(path + "." + key, "must be a number");
    }
    return v.doubleValue();
  }

  private static Long integer(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (!present(v)) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new InvalidSchemaException(path + "." + key, "must be an integer");
    }
    return v.longValue();
  }

  private static List<String> strings(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (!present(v)) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidSchemaException(path + "." + key, "must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw new InvalidSchemaException(path + "." + key, "must be an array of strings");
      }
      out.add(item.textValue());
    }
    return out;
  }
}
