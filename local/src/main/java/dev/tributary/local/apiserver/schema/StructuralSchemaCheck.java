package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The check a CRD version's {@code openAPIV3Schema} must pass before the CRD is accepted, with
 * Kubernetes' field paths and messages: it must be structural (a {@code type} on every node except
 * under {@code x-kubernetes-preserve-unknown-fields} or {@code x-kubernetes-int-or-string}, no
 * structure inside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}, an object at the root,
 * only {@code name}/{@code generateName} restricted in the root {@code metadata}, well-formed
 * embedded resources), and free of what CRDs do not support ({@code $ref}, {@code
 * patternProperties}, {@code uniqueItems}, {@code properties} together with {@code
 * additionalProperties}, malformed list and map types...).
 *
 * <p>Not checked (Kubernetes does): that defaults validate against their schemas, CEL rules, and
 * the root restrictions that depend on the status subresource.
 */
public final class StructuralSchemaCheck {

  private static final List<String> OPENAPI_TYPES =
      List.of("array", "boolean", "integer", "number", "object", "string");

  private enum Level {
    ROOT,
    ITEM,
    FIELD
  }

  private StructuralSchemaCheck() {}

  /**
   * Every problem of a version's schema; empty when the CRD may be created with it.
   *
   * @param openApiV3Schema the {@code openAPIV3Schema} node as sent
   * @param schemaPath the node's field path in the CRD, e.g. {@code
   *     spec.versions[0].schema.openAPIV3Schema}
   */
  public static List<FieldCause> check(JsonNode openApiV3Schema, String schemaPath) {
    FieldPath path = FieldPath.of(schemaPath);
    StructuralSchema schema;
    try {
      schema = SchemaParser.parse(openApiV3Schema, schemaPath);
    } catch (InvalidSchemaException e) {
      return List.of(FieldCause.invalid(e.field(), "", e.detail()));
    }
    if (schema == null) {
      return List.of(FieldCause.required(schemaPath, ""));
    }
    List<FieldCause> structural = new ArrayList<>();
    invariants(schema, Level.ROOT, path, structural);
    completeness(schema.validation(), schema, path, path, structural);
    structural.sort(Comparator.comparing(FieldCause::error));

    List<FieldCause> causes = new ArrayList<>();
    if (schema.nullable()) {
      causes.add(
          FieldCause.forbidden(
              path.child("nullable").toString(), "nullable cannot be true at the root"));
    }
    causes.addAll(structural);
    keywords(openApiV3Schema, path, causes);
    return causes;
  }

  // --- structural invariants (apiextensions' ValidateStructural) -------------------------------

  private static void invariants(
      StructuralSchema s, Level level, FieldPath path, List<FieldCause> out) {
    if (s == null) {
      return;
    }
    if (s.type().equals("array") && s.items() == null) {
      out.add(FieldCause.required(path.child("items").toString(), "must be specified"));
    }
    invariants(s.items(), Level.ITEM, path.child("items"), out);
    for (Map.Entry<String, StructuralSchema> p : s.properties().entrySet()) {
      invariants(p.getValue(), Level.FIELD, path.child("properties").key(p.getKey()), out);
    }
    if (s.additionalProperties() != null) {
      if (level == Level.ROOT) {
        out.add(
            FieldCause.forbidden(
                path.child("additionalProperties").toString(), "must not be used at the root"));
      }
      invariants(
          s.additionalProperties().schema(), Level.FIELD, path.child("additionalProperties"), out);
    }
    if (s.intOrString() && s.preservesUnknownFields()) {
      out.add(
          FieldCause.invalid(
              path.child("x-kubernetes-preserve-unknown-fields").toString(),
              true,
              "must be false if x-kubernetes-int-or-string is true"));
    }
    if (s.intOrString() && s.embeddedResource()) {
      out.add(
          FieldCause.invalid(
              path.child("x-kubernetes-embedded-resource").toString(),
              true,
              "must be false if x-kubernetes-int-or-string is true"));
    }
    junctors(s.validation(), isIntOrStringAnyOf(s.validation()), isIntOrStringAllOf(s), path, out);

    boolean checkMetadata = level == Level.ROOT || s.embeddedResource();
    if (s.embeddedResource() && !s.type().equals("object")) {
      String detail = "must be object if x-kubernetes-embedded-resource is true";
      if (s.type().isEmpty()) {
        out.add(FieldCause.required(path.child("type").toString(), detail));
      } else {
        out.add(FieldCause.invalid(path.child("type").toString(), s.type(), detail));
      }
    } else if (s.type().isEmpty() && !s.intOrString() && !s.preservesUnknownFields()) {
      String detail =
          switch (level) {
            case ROOT -> "must not be empty at the root";
            case ITEM -> "must not be empty for specified array items";
            case FIELD -> "must not be empty for specified object fields";
          };
      out.add(FieldCause.required(path.child("type").toString(), detail));
    }
    if (s.embeddedResource() && s.additionalProperties() != null) {
      out.add(
          FieldCause.forbidden(
              path.child("additionalProperties").toString(),
              "must not be used if x-kubernetes-embedded-resource is set"));
    }
    if (level == Level.ROOT && !s.type().isEmpty() && !s.type().equals("object")) {
      out.add(
          FieldCause.invalid(
              path.child("type").toString(), s.type(), "must be object at the root"));
    }
    for (String typeField : List.of("kind", "apiVersion")) {
      StructuralSchema field = s.property(typeField);
      if (field != null && checkMetadata && !field.type().equals("string")) {
        out.add(
            FieldCause.invalid(
                path.child("properties").key(typeField).child("type").toString(),
                field.type(),
                "must be string"));
      }
    }
    StructuralSchema metadata = s.property("metadata");
    if (metadata != null) {
      FieldPath metaPath = path.child("properties").key("metadata");
      if (checkMetadata && !metadata.type().equals("object")) {
        out.add(
            FieldCause.invalid(
                metaPath.child("type").toString(), metadata.type(), "must be object"));
      }
      if (level == Level.ROOT && restrictsMoreThanNames(metadata)) {
        out.add(
            FieldCause.forbidden(
                metaPath.toString(),
                "must not specify anything other than name and generateName, but metadata is"
                    + " implicitly specified"));
      }
    }
    if (s.embeddedResource() && !s.preservesUnknownFields() && s.properties().isEmpty()) {
      out.add(
          FieldCause.required(
              path.child("properties").toString(),
              "must not be empty if x-kubernetes-embedded-resource is true without"
                  + " x-kubernetes-preserve-unknown-fields"));
    }
  }

  /** The root metadata schema may only have a type and restrict name and generateName. */
  private static boolean restrictsMoreThanNames(StructuralSchema metadata) {
    Set<String> names = metadata.properties().keySet();
    boolean onlyNames = Set.of("name", "generateName").containsAll(names);
    return (!names.isEmpty() && !onlyNames)
        || !metadata.title().isEmpty()
        || !metadata.description().isEmpty()
        || metadata.nullable()
        || metadata.items() != null
        || metadata.additionalProperties() != null
        || !metadata.extensions().equals(StructuralSchema.Extensions.NONE)
        || !metadata.validation().equals(StructuralSchema.ValueValidation.NONE);
  }

  /** {@code anyOf: [{type: integer}, {type: string}]}, the int-or-string idiom, exactly. */
  private static boolean isIntOrStringAnyOf(StructuralSchema.ValueValidation v) {
    return v.anyOf().size() == 2
        && onlyType(v.anyOf().get(0), "integer")
        && onlyType(v.anyOf().get(1), "string");
  }

  private static boolean isIntOrStringAllOf(StructuralSchema s) {
    List<StructuralSchema> allOf = s.validation().allOf();
    return !allOf.isEmpty() && isIntOrStringAnyOf(allOf.get(0).validation());
  }

  private static boolean onlyType(StructuralSchema s, String type) {
    StructuralSchema bare =
        new StructuralSchema(type, "", "", false, null, Map.of(), null, null, null, null);
    return s.equals(bare);
  }

  private static void junctors(
      StructuralSchema.ValueValidation v,
      boolean skipAnyOf,
      boolean skipFirstAllOfAnyOf,
      FieldPath path,
      List<FieldCause> out) {
    if (!skipAnyOf) {
      for (int i = 0; i < v.anyOf().size(); i++) {
        nested(v.anyOf().get(i), false, path.child("anyOf").index(i), out);
      }
    }
    for (int i = 0; i < v.allOf().size(); i++) {
      nested(v.allOf().get(i), skipFirstAllOfAnyOf && i == 0, path.child("allOf").index(i), out);
    }
    for (int i = 0; i < v.oneOf().size(); i++) {
      nested(v.oneOf().get(i), false, path.child("oneOf").index(i), out);
    }
    nested(v.not(), false, path.child("not"), out);
    if (!v.pattern().isEmpty()) {
      try {
        Pattern.compile(v.pattern());
      } catch (PatternSyntaxException e) {
        out.add(
            FieldCause.invalid(
                path.child("pattern").toString(),
                v.pattern(),
                "must be a valid regular expression, but isn't: " + e.getDescription()));
      }
    }
  }

  /** A junctor branch may only validate values: no structure, no Kubernetes extensions. */
  private static void nested(
      StructuralSchema v, boolean skipAnyOf, FieldPath path, List<FieldCause> out) {
    if (v == null) {
      return;
    }
    junctors(v.validation(), skipAnyOf, false, path, out);
    nested(v.items(), false, path.child("items"), out);
    for (Map.Entry<String, StructuralSchema> p : v.properties().entrySet()) {
      nested(p.getValue(), false, path.child("properties").key(p.getKey()), out);
    }
    String mustBeEmpty = "must be empty to be structural";
    String mustBeUndefined = "must be undefined to be structural";
    String mustBeFalse = "must be false to be structural";
    if (!v.type().isEmpty()) {
      out.add(FieldCause.forbidden(path.child("type").toString(), mustBeEmpty));
    }
    StructuralSchema.AdditionalProperties additional = v.additionalProperties();
    if (additional != null && (additional.allows() || additional.schema() != null)) {
      out.add(FieldCause.forbidden(path.child("additionalProperties").toString(), mustBeUndefined));
    }
    if (v.hasDefault()) {
      out.add(FieldCause.forbidden(path.child("default").toString(), mustBeUndefined));
    }
    if (!v.title().isEmpty()) {
      out.add(FieldCause.forbidden(path.child("title").toString(), mustBeEmpty));
    }
    if (!v.description().isEmpty()) {
      out.add(FieldCause.forbidden(path.child("description").toString(), mustBeEmpty));
    }
    if (v.nullable()) {
      out.add(FieldCause.forbidden(path.child("nullable").toString(), mustBeFalse));
    }
    StructuralSchema.Extensions x = v.extensions();
    if (Boolean.TRUE.equals(x.preserveUnknownFields())) {
      out.add(
          FieldCause.forbidden(
              path.child("x-kubernetes-preserve-unknown-fields").toString(), mustBeFalse));
    }
    if (x.embeddedResource()) {
      out.add(
          FieldCause.forbidden(
              path.child("x-kubernetes-embedded-resource").toString(), mustBeFalse));
    }
    if (x.intOrString()) {
      out.add(
          FieldCause.forbidden(path.child("x-kubernetes-int-or-string").toString(), mustBeFalse));
    }
    if (!x.listMapKeys().isEmpty()) {
      out.add(
          FieldCause.forbidden(path.child("x-kubernetes-list-map-keys").toString(), mustBeEmpty));
    }
    if (x.listType() != null) {
      out.add(
          FieldCause.forbidden(path.child("x-kubernetes-list-type").toString(), mustBeUndefined));
    }
    if (x.mapType() != null) {
      out.add(
          FieldCause.forbidden(path.child("x-kubernetes-map-type").toString(), mustBeUndefined));
    }
    if (v.property("metadata") != null) {
      out.add(
          FieldCause.forbidden(
              path.child("properties").key("metadata").toString(),
              "must not be specified in a nested context"));
    }
  }

  /**
   * Fields named inside the root's junctors must exist in the structure too (Kubernetes checks this
   * for the root node's junctors).
   */
  private static void completeness(
      StructuralSchema.ValueValidation v,
      StructuralSchema s,
      FieldPath sPath,
      FieldPath vPath,
      List<FieldCause> out) {
    nestedCompleteness(v.not(), s, sPath, vPath.child("not"), out);
    for (int i = 0; i < v.allOf().size(); i++) {
      nestedCompleteness(v.allOf().get(i), s, sPath, vPath.child("allOf").index(i), out);
    }
    for (int i = 0; i < v.anyOf().size(); i++) {
      nestedCompleteness(v.anyOf().get(i), s, sPath, vPath.child("anyOf").index(i), out);
    }
    for (int i = 0; i < v.oneOf().size(); i++) {
      nestedCompleteness(v.oneOf().get(i), s, sPath, vPath.child("oneOf").index(i), out);
    }
  }

  private static void nestedCompleteness(
      StructuralSchema v,
      StructuralSchema s,
      FieldPath sPath,
      FieldPath vPath,
      List<FieldCause> out) {
    if (v == null) {
      return;
    }
    if (s == null) {
      out.add(FieldCause.required(sPath.toString(), "because it is defined in " + vPath));
      return;
    }
    completeness(v.validation(), s, sPath, vPath, out);
    nestedCompleteness(v.items(), s.items(), sPath.child("items"), vPath.child("items"), out);
    for (Map.Entry<String, StructuralSchema> p : v.properties().entrySet()) {
      FieldPath sProp = sPath.child("properties").key(p.getKey());
      FieldPath vProp = vPath.child("properties").key(p.getKey());
      StructuralSchema declared = s.property(p.getKey());
      if (declared == null) {
        out.add(FieldCause.required(sProp.toString(), "because it is defined in " + vProp));
      } else {
        nestedCompleteness(p.getValue(), declared, sProp, vProp, out);
      }
    }
  }

  // --- keywords CRDs reject (apiextensions' OpenAPI schema validation) -------------------------

  private static void keywords(JsonNode node, FieldPath path, List<FieldCause> out) {
    if (node == null || !node.isObject()) {
      return;
    }
    JsonNode type = node.get("type");
    if (type != null && type.isTextual() && !type.textValue().isEmpty()) {
      String t = type.textValue();
      if (!OPENAPI_TYPES.contains(t)) {
        out.add(FieldCause.notSupported(path.child("type").toString(), t, OPENAPI_TYPES));
      }
      if (t.equals("null")) {
        out.add(
            FieldCause.forbidden(
                path.child("type").toString(),
                "type cannot be set to null, use nullable as an alternative"));
      }
    }
    forbidIfSet(node, "id", "id is not supported", path, out);
    forbidIfSet(node, "additionalItems", "additionalItems is not supported", path, out);
    forbidIfNonEmpty(node, "patternProperties", "patternProperties is not supported", path, out);
    forbidIfNonEmpty(node, "definitions", "definitions is not supported", path, out);
    forbidIfSet(node, "dependencies", "dependencies is not supported", path, out);
    forbidIfSet(node, "$ref", "$ref is not supported", path, out);
    JsonNode items = node.get("items");
    if (items != null && items.isArray() && !items.isEmpty()) {
      out.add(
          FieldCause.forbidden(
              path.child("items").toString(), "items must be a schema object and not an array"));
    }
    if (node.path("uniqueItems").asBoolean(false)) {
      out.add(
          FieldCause.forbidden(
              path.child("uniqueItems").toString(),
              "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
    }
    JsonNode additional = node.get("additionalProperties");
    boolean hasProperties =
        node.path("properties").isObject() && !node.path("properties").isEmpty();
    if (additional != null
        && hasProperties
        && (additional.isObject() || (additional.isBoolean() && !additional.booleanValue()))) {
      out.add(
          FieldCause.forbidden(
              path.child("additionalProperties").toString(),
              "additionalProperties and properties are mutual exclusive"));
    }
    JsonNode preserve = node.get("x-kubernetes-preserve-unknown-fields");
    if (preserve != null && preserve.isBoolean() && !preserve.booleanValue()) {
      out.add(
          FieldCause.invalid(
              path.child("x-kubernetes-preserve-unknown-fields").toString(),
              false,
              "must be true or undefined"));
    }
    listAndMapTypes(node, path, out);

    if (node.path("properties").isObject()) {
      node.get("properties")
          .fields()
          .forEachRemaining(
              e -> keywords(e.getValue(), path.child("properties").key(e.getKey()), out));
    }
    if (items != null && items.isObject()) {
      keywords(items, path.child("items"), out);
    }
    if (additional != null && additional.isObject()) {
      keywords(additional, path.child("additionalProperties"), out);
    }
    for (String junctor : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode branches = node.get(junctor);
      if (branches != null && branches.isArray()) {
        for (int i = 0; i < branches.size(); i++) {
          keywords(branches.get(i), path.child(junctor).index(i), out);
        }
      }
    }
    keywords(node.get("not"), path.child("not"), out);
  }

  private static void listAndMapTypes(JsonNode node, FieldPath path, List<FieldCause> out) {
    String type = node.path("type").asText("");
    JsonNode listType = node.get("x-kubernetes-list-type");
    JsonNode mapKeys = node.get("x-kubernetes-list-map-keys");
    boolean hasMapKeys = mapKeys != null && mapKeys.isArray() && !mapKeys.isEmpty();
    if (listType != null && listType.isTextual()) {
      String lt = listType.textValue();
      if (!type.equals("array")) {
        requiredOrInvalid(
            path.child("type"), type, "must be array if x-kubernetes-list-type is specified", out);
      }
      if (!List.of("atomic", "set", "map").contains(lt)) {
        out.add(
            FieldCause.notSupported(
                path.child("x-kubernetes-list-type").toString(),
                lt,
                List.of("atomic", "set", "map")));
      }
      if (lt.equals("map")) {
        if (!hasMapKeys) {
          out.add(
              FieldCause.required(
                  path.child("x-kubernetes-list-map-keys").toString(),
                  "must not be empty if x-kubernetes-list-type is map"));
        }
        JsonNode items = node.get("items");
        if (items == null || !items.isObject()) {
          out.add(
              FieldCause.required(
                  path.child("items").toString(),
                  "must have a schema if x-kubernetes-list-type is map"));
        } else if (!items.path("type").asText("").equals("object")) {
          out.add(
              FieldCause.invalid(
                  path.child("items").child("type").toString(),
                  items.path("type").asText(""),
                  "must be object if parent array's x-kubernetes-list-type is map"));
        }
      }
    }
    if (hasMapKeys && (listType == null || !listType.asText().equals("map"))) {
      String detail = "must be map if x-kubernetes-list-map-keys is non-empty";
      if (listType == null) {
        out.add(FieldCause.required(path.child("x-kubernetes-list-type").toString(), detail));
      } else {
        out.add(
            FieldCause.invalid(
                path.child("x-kubernetes-list-type").toString(), listType.asText(), detail));
      }
    }
    JsonNode mapType = node.get("x-kubernetes-map-type");
    if (mapType != null && mapType.isTextual()) {
      if (!type.equals("object")) {
        requiredOrInvalid(
            path.child("type"), type, "must be object if x-kubernetes-map-type is specified", out);
      }
      if (!List.of("atomic", "granular").contains(mapType.textValue())) {
        out.add(
            FieldCause.notSupported(
                path.child("x-kubernetes-map-type").toString(),
                mapType.textValue(),
                List.of("atomic", "granular")));
      }
    }
  }

  private static void requiredOrInvalid(
      FieldPath field, String value, String detail, List<FieldCause> out) {
    if (value.isEmpty()) {
      out.add(FieldCause.required(field.toString(), detail));
    } else {
      out.add(FieldCause.invalid(field.toString(), value, detail));
    }
  }

  private static void forbidIfSet(
      JsonNode node, String key, String detail, FieldPath path, List<FieldCause> out) {
    JsonNode v = node.get(key);
    if (v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty())) {
      out.add(FieldCause.forbidden(path.child(key).toString(), detail));
    }
  }

  private static void forbidIfNonEmpty(
      JsonNode node, String key, String detail, FieldPath path, List<FieldCause> out) {
    JsonNode v = node.get(key);
    if (v != null && v.isContainerNode() && !v.isEmpty()) {
      out.add(FieldCause.forbidden(path.child(key).toString(), detail));
    }
  }
}
