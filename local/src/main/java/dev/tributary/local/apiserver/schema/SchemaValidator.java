package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates a custom object (already pruned and defaulted) against its version's structural schema,
 * as the API server does before it stores a write, and returns every error:
 *
 * <ol>
 *   <li>the OpenAPI value validations (types, required, enum, bounds, lengths, patterns, formats,
 *       allOf/anyOf/oneOf/not), with kube-openapi's messages;
 *   <li>{@code x-kubernetes-embedded-resource} objects must carry a string {@code apiVersion} and
 *       {@code kind};
 *   <li>{@code x-kubernetes-list-type: set} lists must not repeat an item, {@code map} lists must
 *       not repeat a key.
 * </ol>
 *
 * <p>An empty list means valid. Immutable and thread-safe (it caches compiled patterns).
 */
public final class SchemaValidator {

  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final String DNS_1035_LABEL_ERROR =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

  private final StructuralSchema schema;
  private final FieldPath prefix;
  private final OpenApiValidation openApi = new OpenApiValidation();

  /** Validates whole objects against the version's {@code openAPIV3Schema}. */
  public SchemaValidator(StructuralSchema schema) {
    this(schema, FieldPath.nil());
  }

  private SchemaValidator(StructuralSchema schema, FieldPath prefix) {
    this.schema = schema;
    this.prefix = prefix;
  }

  /**
   * Validates the {@code status} of objects, as a write to the {@code status} subresource is
   * validated: against {@code properties.status} of the root schema, with fields under {@code
   * status}. {@link #validate} is then given the object's {@code status} value.
   */
  public static SchemaValidator forStatus(StructuralSchema root) {
    return new SchemaValidator(
        root == null ? null : root.property("status"), FieldPath.of("status"));
  }

  /**
   * Every error of {@code value} (a whole object, or a status for {@link #forStatus}); empty when
   * it is valid. A validator without a schema accepts everything.
   */
  public List<FieldCause> validate(JsonNode value) {
    Objects.requireNonNull(value, "value");
    if (schema == null) {
      return List.of();
    }
    String openApiRoot = "";
    List<FieldCause> causes =
        new ArrayList<>(
            OpenApiValidation.toCauses(prefix, openApi.validate(schema, value, openApiRoot)));
    checkEmbeddedResources(value, schema, prefix, causes);
    checkListTypes(value, schema, prefix, causes);
    return causes;
  }

  // --- embedded resources ----------------------------------------------------------------------

  private static void checkEmbeddedResources(
      JsonNode x, StructuralSchema s, FieldPath path, List<FieldCause> out) {
    if (s == null) {
      return;
    }
    if (x.isObject()) {
      if (s.embeddedResource()) {
        checkEmbeddedResource((ObjectNode) x, path, out);
      }
      x.fields()
          .forEachRemaining(
              e -> {
                StructuralSchema prop = s.property(e.getKey());
                if (prop != null) {
                  checkEmbeddedResources(e.getValue(), prop, path.child(e.getKey()), out);
                } else if (s.additionalProperties() != null) {
                  checkEmbeddedResources(
                      e.getValue(), s.additionalProperties().schema(), path.key(e.getKey()), out);
                }
              });
    } else if (x.isArray()) {
      for (int i = 0; i < x.size(); i++) {
        checkEmbeddedResources(x.get(i), s.items(), path.index(i), out);
      }
    }
  }

  private static void checkEmbeddedResource(ObjectNode x, FieldPath path, List<FieldCause> out) {
    if (!x.has("apiVersion")) {
      out.add(FieldCause.required(path.child("apiVersion").toString(), ""));
    }
    if (!x.has("kind")) {
      out.add(FieldCause.required(path.child("kind").toString(), ""));
    }
    JsonNode apiVersion = x.get("apiVersion");
    if (apiVersion != null) {
      String field = path.child("apiVersion").toString();
      if (!apiVersion.isTextual()) {
        out.add(FieldCause.invalid(field, apiVersion, "must be a string"));
      } else if (apiVersion.textValue().isEmpty()) {
        out.add(FieldCause.invalid(field, "", "must not be empty"));
      } else if (apiVersion.textValue().chars().filter(c -> c == '/').count() > 1) {
        out.add(
            FieldCause.invalid(
                field, apiVersion, "unexpected GroupVersion string: " + apiVersion.textValue()));
      }
    }
    JsonNode kind = x.get("kind");
    if (kind != null) {
      String field = path.child("kind").toString();
      if (!kind.isTextual()) {
        out.add(FieldCause.invalid(field, kind, "must be a string"));
      } else if (kind.textValue().isEmpty()) {
        out.add(FieldCause.invalid(field, "", "must not be empty"));
      } else {
        List<String> errs = new ArrayList<>();
        String lower = kind.textValue().toLowerCase(Locale.ROOT);
        if (lower.length() > 63) {
          errs.add("must be no more than 63 characters");
        }
        if (!DNS_1035_LABEL.matcher(lower).matches()) {
          errs.add(DNS_1035_LABEL_ERROR);
        }
        if (!errs.isEmpty()) {
          out.add(
              FieldCause.invalid(
                  field,
                  kind,
                  "may have mixed case, but should otherwise match: " + String.join(",", errs)));
        }
      }
    }
  }

  // --- x-kubernetes-list-type ------------------------------------------------------------------

  private static void checkListTypes(
      JsonNode x, StructuralSchema s, FieldPath path, List<FieldCause> out) {
    if (s == null) {
      return;
    }
    if (x.isArray()) {
      checkListTypesInArray(x, s, path, out);
    } else if (x.isObject()) {
      StructuralSchema.AdditionalProperties additional = s.additionalProperties();
      if (additional != null && additional.schema() != null) {
        x.fields()
            .forEachRemaining(
                e -> checkListTypes(e.getValue(), additional.schema(), path.key(e.getKey()), out));
      }
      x.fields()
          .forEachRemaining(
              e -> {
                StructuralSchema prop = s.property(e.getKey());
                if (prop != null) {
                  checkListTypes(e.getValue(), prop, path.child(e.getKey()), out);
                }
              });
    }
  }

  private static void checkListTypesInArray(
      JsonNode list, StructuralSchema s, FieldPath path, List<FieldCause> out) {
    String listType = s.extensions().listType();
    if ("set".equals(listType)) {
      for (int i : repeatedIndexes(items(list))) {
        out.add(FieldCause.duplicate(path.index(i).toString(), list.get(i)));
      }
    } else if ("map".equals(listType)) {
      checkListMap(list, s.extensions().listMapKeys(), path, out);
    }
    if (s.items() != null) {
      for (int i = 0; i < list.size(); i++) {
        checkListTypes(list.get(i), s.items(), path.index(i), out);
      }
    }
  }

  private static void checkListMap(
      JsonNode list, List<String> keyFields, FieldPath path, List<FieldCause> out) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isNull() && !item.isObject()) {
        out.add(
            FieldCause.invalid(
                path.index(i).toString(), item, "must be an object for an array of list-type map"));
        return;
      }
    }
    if (list.size() <= 1) {
      return;
    }
    List<JsonNode> keys = new ArrayList<>();
    for (JsonNode item : list) {
      ObjectNode key = JsonNodeFactory.instance.objectNode();
      for (String field : keyFields) {
        JsonNode value = item.get(field);
        if (value != null) {
          key.set(field, value);
        }
      }
      keys.add(key);
    }
    for (int i : repeatedIndexes(keys)) {
      out.add(FieldCause.duplicate(path.index(i).toString(), keys.get(i)));
    }
  }

  private static List<JsonNode> items(JsonNode list) {
    List<JsonNode> items = new ArrayList<>(list.size());
    list.forEach(items::add);
    return items;
  }

  /** The index of each value's second occurrence (later repeats are not reported again). */
  private static List<Integer> repeatedIndexes(List<JsonNode> values) {
    Map<String, Integer> seen = new HashMap<>();
    List<Integer> repeated = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int times = seen.merge(identity(values.get(i)), 1, Integer::sum);
      if (times == 2) {
        repeated.add(i);
      }
    }
    return repeated;
  }

  /**
   * How Go tells list-set items apart: scalars by type and value (int64 1 differs from float64
   * 1.0), objects and arrays by their JSON text (where both print as 1).
   */
  private static String identity(JsonNode v) {
    if (v.isContainerNode()) {
      return "json:" + canonicalJson(v);
    }
    if (v.isNumber()) {
      return (GoValues.isInt64(v) ? "int:" : "float:") + v.asText();
    }
    return v.getNodeType() + ":" + v.asText();
  }

  private static String canonicalJson(JsonNode v) {
    if (v.isObject()) {
      Map<String, String> sorted = new TreeMap<>();
      v.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonicalJson(e.getValue())));
      StringBuilder out = new StringBuilder("{");
      sorted.forEach(
          (k, value) -> {
            if (out.length() > 1) {
              out.append(',');
            }
            out.append(JsonNodeFactory.instance.textNode(k)).append(':').append(value);
          });
      return out.append('}').toString();
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(item -> parts.add(canonicalJson(item)));
      return "[" + String.join(",", parts) + "]";
    }
    if (v.isNumber() && !GoValues.isInt64(v) && v.doubleValue() == Math.rint(v.doubleValue())) {
      return Long.toString((long) v.doubleValue());
    }
    return v.toString();
  }
}
