package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a CRD version's {@code openAPIV3Schema}, parsed into the parts the API server acts on
 * (as apiextensions-apiserver's structural schema): the structure (type, properties, items,
 * additionalProperties), the Kubernetes extensions, and the value validations. The branches of
 * {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} are nodes too; {@link
 * StructuralSchemaCheck} rejects structure inside them, as Kubernetes does.
 *
 * <p>Immutable and thread-safe. {@link #defaultValue()} hands out a copy.
 *
 * @param type {@code object}, {@code array}, {@code string}, {@code integer}, {@code number},
 *     {@code boolean}, or empty when unset
 * @param title the title, empty when unset (only checked: it is forbidden inside junctors)
 * @param description the description, empty when unset (same)
 * @param nullable whether {@code null} is an accepted value
 * @param defaultValue the {@code default}, or Java {@code null} when unset
 * @param properties the declared properties, in declaration order
 * @param items the schema of array items, or {@code null}
 * @param additionalProperties {@code additionalProperties}, or {@code null} when unset
 * @param extensions the {@code x-kubernetes-*} extensions
 * @param validation the value validations
 */
public record StructuralSchema(
    String type,
    String title,
    String description,
    boolean nullable,
    JsonNode defaultValue,
    Map<String, StructuralSchema> properties,
    StructuralSchema items,
    AdditionalProperties additionalProperties,
    Extensions extensions,
    ValueValidation validation) {

  public StructuralSchema {
    type = type == null ? "" : type;
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    defaultValue = defaultValue == null ? null : defaultValue.deepCopy();
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    extensions = extensions == null ? Extensions.NONE : extensions;
    validation = validation == null ? ValueValidation.NONE : validation;
  }

  /**
   * Parses an {@code openAPIV3Schema} (or any node of one).
   *
   * @throws InvalidSchemaException if a keyword has the wrong JSON type (Kubernetes fails to decode
   *     such a CRD at all)
   */
  public static StructuralSchema parse(JsonNode openApiV3Schema) {
    return SchemaParser.parse(openApiV3Schema, "openAPIV3Schema");
  }

  /** A copy of the {@code default}, or {@code null} when the schema declares none. */
  @Override
  public JsonNode defaultValue() {
    return defaultValue == null ? null : defaultValue.deepCopy();
  }

  /** Whether a {@code default} is declared. */
  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** The schema of a property, or {@code null} when it is not declared. */
  public StructuralSchema property(String name) {
    return properties.get(name);
  }

  /** {@code x-kubernetes-preserve-unknown-fields: true}. */
  public boolean preservesUnknownFields() {
    return Boolean.TRUE.equals(extensions.preserveUnknownFields());
  }

  /** {@code x-kubernetes-embedded-resource: true}. */
  public boolean embeddedResource() {
    return extensions.embeddedResource();
  }

  /** {@code x-kubernetes-int-or-string: true}. */
  public boolean intOrString() {
    return extensions.intOrString();
  }

  /** A copy of this node that is an embedded resource (how the resource root is pruned). */
  StructuralSchema asEmbeddedResource() {
    if (embeddedResource()) {
      return this;
    }
    Extensions x = extensions;
    return new StructuralSchema(
        type,
        title,
        description,
        nullable,
        defaultValue,
        properties,
        items,
        additionalProperties,
        new Extensions(
            x.preserveUnknownFields(),
            x.intOrString(),
            true,
            x.listType(),
            x.listMapKeys(),
            x.mapType()),
        validation);
  }

  /**
   * {@code additionalProperties}: either a boolean ({@code schema == null}) or a schema (then
   * {@code allows} is true).
   */
  public record AdditionalProperties(boolean allows, StructuralSchema schema) {}

  /**
   * The {@code x-kubernetes-*} extensions.
   *
   * @param preserveUnknownFields {@code x-kubernetes-preserve-unknown-fields}, {@code null} when
   *     unset ({@code false} is rejected by {@link StructuralSchemaCheck})
   * @param intOrString {@code x-kubernetes-int-or-string}
   * @param embeddedResource {@code x-kubernetes-embedded-resource}
   * @param listType {@code x-kubernetes-list-type} ({@code atomic}, {@code set}, {@code map}) or
   *     {@code null}
   * @param listMapKeys {@code x-kubernetes-list-map-keys}
   * @param mapType {@code x-kubernetes-map-type} or {@code null}
   */
  public record Extensions(
      Boolean preserveUnknownFields,
      boolean intOrString,
      boolean embeddedResource,
      String listType,
      List<String> listMapKeys,
      String mapType) {

    static final Extensions NONE = new Extensions(null, false, false, null, List.of(), null);

    public Extensions {
      listMapKeys = listMapKeys == null ? List.of() : List.copyOf(listMapKeys);
    }
  }

  /**
   * The value validations of a node. Numbers are kept as Go's float64 (the limits' declared type);
   * absent limits are {@code null}.
   */
  public record ValueValidation(
      String format,
      Double maximum,
      boolean exclusiveMaximum,
      Double minimum,
      boolean exclusiveMinimum,
      Long maxLength,
      Long minLength,
      String pattern,
      Long maxItems,
      Long minItems,
      boolean uniqueItems,
      Double multipleOf,
      List<JsonNode> enumValues,
      Long maxProperties,
      Long minProperties,
      List<String> required,
      List<StructuralSchema> allOf,
      List<StructuralSchema> anyOf,
      List<StructuralSchema> oneOf,
      StructuralSchema not) {

    static final ValueValidation NONE =
        new ValueValidation(
            "", null, false, null, false, null, null, "", null, null, false, null, List.of(), null,
            null, List.of(), List.of(), List.of(), List.of(), null);

    public ValueValidation {
      format = format == null ? "" : format;
      pattern = pattern == null ? "" : pattern;
      enumValues =
          enumValues == null
              ? List.of()
              : enumValues.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
      required = required == null ? List.of() : List.copyOf(required);
      allOf = allOf == null ? List.of() : List.copyOf(allOf);
      anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
      oneOf = oneOf == null ? List.of() : List.copyOf(oneOf);
    }
  }
}
