package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tributary.api.validation.GoQuote;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The work of {@link BuiltinDecoder}, in a class of its own so that protobuf's classes load with it
 * on first use. Walks a JSON object along its kind's message descriptor the way Go's encoding/json
 * walks the Go struct: JSON names (with the renames and inlined structs {@link KubernetesJson}
 * knows), the JSON forms of the apimachinery types (Time, Duration, IntOrString, Quantity,
 * RawExtension, FieldsV1), and Go's error wording, whose "Go struct field" is the struct holding
 * the field followed by the JSON path from the root without indices. Go type names are best effort:
 * named string and map types ({@code v1.Protocol}, {@code v1.ResourceList}) read as their
 * underlying {@code string} or {@code map[string]...}. Thread-safe.
 */
final class GoTypeChecker {

  /** Kubernetes' ParseQuantity rejects what does not match this with this very message. */
  private static final Pattern QUANTITY =
      Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");

  private static final String QUANTITY_ERROR =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  /** Go's time.ParseDuration syntax. */
  private static final Pattern DURATION =
      Pattern.compile("^[-+]?(0|(([0-9]+\\.?[0-9]*|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$");

  private static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

  /** The JSON fields of TypeMeta, which k8s.io/api's messages leave out. */
  private static final Set<String> TYPE_META = Set.of("apiVersion", "kind");

  private final ProtobufSchemas schemas;
  private final Map<Descriptor, Map<String, FieldDescriptor>> jsonFields =
      new ConcurrentHashMap<>();

  GoTypeChecker(ProtobufSchemas schemas) {
    this.schemas = schemas;
  }

  DecodedObject decode(String apiVersion, String kind, ObjectNode object) {
    Descriptor message = schemas.message(apiVersion, kind);
    if (message == null) {
      return new DecodedObject(object, List.of());
    }
    ObjectNode copy = object.deepCopy();
    Set<String> unknown = new LinkedHashSet<>();
    new Walk(unknown).object(copy, message, "", "", true);
    return new DecodedObject(copy, new ArrayList<>(unknown));
  }

  /** A message's fields by JSON name, inlined structs' fields included. */
  private Map<String, FieldDescriptor> fields(Descriptor message) {
    return jsonFields.computeIfAbsent(
        message,
        m -> {
          Map<String, FieldDescriptor> byName = new HashMap<>();
          addFields(m, byName);
          return Map.copyOf(byName);
        });
  }

  private static void addFields(Descriptor message, Map<String, FieldDescriptor> byName) {
    for (FieldDescriptor field : message.getFields()) {
      if (KubernetesJson.isInlined(field)) {
        addFields(field.getMessageType(), byName);
      } else {
        byName.put(KubernetesJson.name(field), field);
      }
    }
  }

  /** One object's walk: collects unknown field paths, stops at the first type error. */
  private final class Walk {

    private final Set<String> unknown;

    Walk(Set<String> unknown) {
      this.unknown = unknown;
    }

    /**
     * @param goPath the JSON path from the root without indices or map keys (Go's error context)
     * @param path the path with them (the strict decoder's unknown-field path)
     */
    void object(ObjectNode object, Descriptor message, String goPath, String path, boolean root) {
      Map<String, FieldDescriptor> fields = fields(message);
      Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String name = entry.getKey();
        String childGoPath = join(goPath, name);
        String childPath = join(path, name);
        FieldDescriptor field = fields.get(name);
        if (field == null) {
          if (root && TYPE_META.contains(name)) {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
              throw mismatch(kindOf(value), message.getName(), childGoPath, "string");
            }
            continue;
          }
          unknown.add(childPath);
          entries.remove();
          continue;
        }
        JsonNode replaced =
            field(field, entry.getValue(), message.getName(), childGoPath, childPath);
        if (replaced != null) {
          entry.setValue(replaced);
        }
      }
    }

    /** Checks one field's value; returns a replacement for it, or null to keep it. */
    private JsonNode field(
        FieldDescriptor field, JsonNode value, String struct, String goPath, String path) {
      if (value.isNull()) {
        return null;
      }
      if (field.isMapField()) {
        if (!value.isObject()) {
          throw mismatch(kindOf(value), struct, goPath, goType(field));
        }
        FieldDescriptor values = field.getMessageType().findFieldByNumber(2);
        Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          JsonNode replaced =
              element(values, entry.getValue(), struct, goPath, path + "." + entry.getKey());
          if (replaced != null) {
            entry.setValue(replaced);
          }
        }
        return null;
      }
      if (field.isRepeated()) {
        if (!value.isArray()) {
          throw mismatch(kindOf(value), struct, goPath, goType(field));
        }
        ArrayNode array = (ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
          JsonNode replaced = element(field, array.get(i), struct, goPath, path + "[" + i + "]");
          if (replaced != null) {
            array.set(i, replaced);
          }
        }
        return null;
      }
      return element(field, value, struct, goPath, path);
    }

    /** One value of {@code field}'s element type (the field itself, an item or a map value). */
    private JsonNode element(
        FieldDescriptor field, JsonNode value, String struct, String goPath, String path) {
      if (value.isNull()) {
        return null; // Go leaves the zero value (or nil) and says nothing
      }
      switch (field.getJavaType()) {
        case STRING, ENUM -> requireText(value, struct, goPath);
        case INT -> {
          if (!value.isNumber()) {
            throw mismatch(kindOf(value), struct, goPath, "int32");
          }
          if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw mismatch("number " + value.asText(), struct, goPath, "int32");
          }
        }
        case LONG -> {
          if (!value.isNumber()) {
            throw mismatch(kindOf(value), struct, goPath, "int64");
          }
          if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw mismatch("number " + value.asText(), struct, goPath, "int64");
          }
        }
        case BOOLEAN -> {
          if (!value.isBoolean()) {
            throw mismatch(kindOf(value), struct, goPath, "bool");
          }
        }
        case DOUBLE, FLOAT -> {
          if (!value.isNumber()) {
            throw mismatch(kindOf(value), struct, goPath, elementGoType(field));
          }
        }
        case BYTE_STRING -> {
          if (!value.isTextual()) {
            throw mismatch(kindOf(value), struct, goPath, "[]uint8");
          }
          checkBase64(value.asText());
        }
        case MESSAGE -> {
          return message(field.getMessageType(), value, struct, goPath, path);
        }
      }
      return null;
    }

    private JsonNode message(
        Descriptor type, JsonNode value, String struct, String goPath, String path) {
      switch (type.getFullName()) {
        case KubernetesJson.TIME, KubernetesJson.MICRO_TIME -> {
          requireText(value, struct, goPath);
          try {
            OffsetDateTime.parse(value.asText());
          } catch (DateTimeParseException e) {
            String text = value.asText();
            throw new GoTypeError(
                "parsing time "
                    + goQuote(text)
                    + " as "
                    + goQuote(RFC3339)
                    + ": cannot parse "
                    + goQuote(text)
                    + " as \"2006\"");
          }
          return null;
        }
        case KubernetesJson.DURATION -> {
          requireText(value, struct, goPath);
          if (!DURATION.matcher(value.asText()).matches()) {
            throw new GoTypeError("time: invalid duration " + goQuote(value.asText()));
          }
          return null;
        }
        case KubernetesJson.INT_OR_STRING -> {
          if (value.isTextual()) {
            return null;
          }
          if (!value.isNumber()) {
            throw mismatch(kindOf(value), struct, goPath, "int32");
          }
          if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw mismatch("number " + value.asText(), struct, goPath, "int32");
          }
          return null;
        }
        case KubernetesJson.QUANTITY, KubernetesJson.QUANTITY_VALUE -> {
          // Quantity.UnmarshalJSON parses a number as it parses a string.
          String text =
              value.isTextual()
                  ? value.asText().strip()
                  : value.isNumber()
                      ? (value.isIntegralNumber()
                          ? value.asText()
                          : value.decimalValue().toPlainString())
                      : "";
          if (!QUANTITY.matcher(text).matches()) {
            throw new GoTypeError(QUANTITY_ERROR);
          }
          return value.isNumber() ? JsonNodeFactory.instance.textNode(text) : null;
        }
        case KubernetesJson.RAW_EXTENSION, KubernetesJson.UNKNOWN, KubernetesJson.FIELDS_V1 -> {
          return null; // any JSON: kept as raw bytes
        }
        case KubernetesJson.VERBS -> {
          return strings(value, struct, goPath, "v1.Verbs");
        }
        default -> {
          if (type.getName().equals("ExtraValue")) {
            return strings(value, struct, goPath, "v1.ExtraValue");
          }
          if (!value.isObject()) {
            throw mismatch(kindOf(value), struct, goPath, goName(type));
          }
          object((ObjectNode) value, type, goPath, path, false);
          return null;
        }
      }
    }

    /** A Go {@code []string} type of its own ({@code Verbs}, {@code ExtraValue}). */
    private JsonNode strings(JsonNode value, String struct, String goPath, String goType) {
      if (!value.isArray()) {
        throw mismatch(kindOf(value), struct, goPath, goType);
      }
      for (JsonNode item : value) {
        if (!item.isNull()) {
          requireText(item, struct, goPath);
        }
      }
      return null;
    }

    private void requireText(JsonNode value, String struct, String goPath) {
      if (!value.isTextual()) {
        throw mismatch(kindOf(value), struct, goPath, "string");
      }
    }
  }

  /** Go's UnmarshalTypeError text. */
  private static GoTypeError mismatch(String value, String struct, String goPath, String goType) {
    return new GoTypeError(
        "json: cannot unmarshal "
            + value
            + " into Go struct field "
            + struct
            + "."
            + goPath
            + " of type "
            + goType);
  }

  /** How Go's decoder names a JSON value it cannot store. */
  private static String kindOf(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isObject()) {
      return "object";
    }
    return "number";
  }

  /** The Go type of a whole field: its slice or map type, or its element type. */
  private static String goType(FieldDescriptor field) {
    if (field.isMapField()) {
      return "map[string]" + elementGoType(field.getMessageType().findFieldByNumber(2));
    }
    if (field.isRepeated()) {
      return "[]" + elementGoType(field);
    }
    return elementGoType(field);
  }

  private static String elementGoType(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case STRING, ENUM -> "string";
      case INT -> "int32";
      case LONG -> "int64";
      case BOOLEAN -> "bool";
      case DOUBLE -> "float64";
      case FLOAT -> "float32";
      case BYTE_STRING -> "[]uint8";
      case MESSAGE -> goName(field.getMessageType());
    };
  }

  /** {@code package.Type}, Go's reflect name: the proto package's last segment is Go's. */
  private static String goName(Descriptor type) {
    String pkg = type.getFile().getPackage();
    String goPackage = pkg.substring(pkg.lastIndexOf('.') + 1);
    return goPackage + "." + type.getName();
  }

  /** As Go's base64.StdEncoding, which ignores line breaks and needs the padding. */
  private static void checkBase64(String text) {
    String data = text.replace("\r", "").replace("\n", "");
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      boolean alphabet =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      boolean padding = c == '=' && i >= data.length() - 2 && data.length() % 4 == 0;
      if (!alphabet && !padding) {
        throw new GoTypeError("illegal base64 data at input byte " + i);
      }
    }
    if (data.length() % 4 != 0) {
      throw new GoTypeError("illegal base64 data at input byte " + (data.length() / 4) * 4);
    }
    try {
      Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new GoTypeError("illegal base64 data at input byte " + (data.length() - 1));
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String goQuote(String text) {
    return GoQuote.quote(text);
  }
}
