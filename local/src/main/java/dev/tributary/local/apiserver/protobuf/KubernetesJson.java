package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a decoded k8s.io/api protobuf message into the JSON the Go types marshal to. The field
 * names of k8s.io/api's {@code generated.proto} already are the JSON names; what differs is the
 * apimachinery types with a JSON form of their own (Time, MicroTime, Duration, IntOrString,
 * Quantity, RawExtension, FieldsV1, ExtraValue), the embedded Go structs whose fields JSON inlines
 * (a Volume's VolumeSource, a Probe's handler, ...), and presence: the Go encoder writes every
 * non-pointer field, so an empty singular string is dropped as the Go JSON {@code omitempty} would,
 * while numbers and booleans that were sent are kept (a pointer's explicit 0 or false means
 * something, e.g. {@code replicas: 0}). Empty repeated fields are dropped. Stateless.
 */
final class KubernetesJson {

  static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  static final String TIME = META + "Time";
  static final String MICRO_TIME = META + "MicroTime";
  static final String DURATION = META + "Duration";
  static final String FIELDS_V1 = META + "FieldsV1";
  static final String VERBS = META + "Verbs";
  static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
  static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
  static final String QUANTITY_VALUE = "k8s.io.apimachinery.pkg.api.resource.QuantityValue";
  static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";
  static final String UNKNOWN = "k8s.io.apimachinery.pkg.runtime.Unknown";

  /** Go's zero time, which JSON writes as null. */
  private static final long ZERO_TIME_SECONDS = -62135596800L;

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339_MICRO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * Embedded Go structs (message type name, proto field name) whose fields JSON writes into the
   * enclosing object, from the anonymous fields of k8s.io/api's types.go.
   */
  private static final Set<String> INLINED =
      Set.of(
          "VolumeSource:volumeSource",
          "PersistentVolumeSource:persistentVolumeSource",
          "LocalObjectReference:localObjectReference",
          "ProbeHandler:handler",
          "EphemeralContainerCommon:ephemeralContainerCommon",
          "IngressRuleValue:ingressRuleValue",
          "RuleWithOperations:ruleWithOperations",
          "Rule:rule");

  /**
   * The few fields whose generated.proto name is not their JSON name (found by comparing the
   * protobuf and json tags of k8s.io/api's types.go), by message full name and proto name.
   */
  private static final Map<String, String> RENAMED =
      Map.of(
          "k8s.io.api.admissionregistration.v1.ValidatingWebhookConfiguration.Webhooks",
          "webhooks",
          "k8s.io.api.admissionregistration.v1.MutatingWebhookConfiguration.Webhooks",
          "webhooks",
          "k8s.io.api.admissionregistration.v1.Validation.Expression",
          "expression",
          "k8s.io.api.admissionregistration.v1.Variable.Name",
          "name",
          "k8s.io.api.admissionregistration.v1.Variable.Expression",
          "expression",
          "k8s.io.api.authentication.v1.BoundObjectReference.uID",
          "uid",
          "k8s.io.api.networking.v1.IngressClassParametersReference.aPIGroup",
          "apiGroup");

  private final JsonNodeFactory nodes;
  private final EmbeddedObjects embedded;
  private final Predicate<FieldDescriptor> keepsZero;

  /**
   * @param embedded reads the bytes of a RawExtension or runtime.Unknown field
   * @param keepsZero whether Go's JSON writes a scalar field that holds its zero value
   */
  KubernetesJson(
      JsonNodeFactory nodes, EmbeddedObjects embedded, Predicate<FieldDescriptor> keepsZero) {
    this.nodes = nodes;
    this.embedded = embedded;
    this.keepsZero = keepsZero;
  }

  /** Reads the object embedded in a RawExtension: JSON, or a nested protobuf envelope. */
  interface EmbeddedObjects {
    /**
     * @throws IllegalArgumentException if the bytes are neither
     */
    JsonNode read(byte[] raw);
  }

  /** The JSON object of {@code message}, whose type is an ordinary (not special) message. */
  ObjectNode object(Message message) {
    ObjectNode object = nodes.objectNode();
    fields(message, object);
    return object;
  }

  private void fields(Message message, ObjectNode object) {
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      Object value = entry.getValue();
      if (field.isMapField()) {
        ObjectNode map = object.putObject(name(field));
        for (Object item : (List<?>) value) {
          Message pair = (Message) item;
          FieldDescriptor key = pair.getDescriptorForType().findFieldByNumber(1);
          FieldDescriptor val = pair.getDescriptorForType().findFieldByNumber(2);
          JsonNode converted = element(val, pair.getField(val));
          map.set(
              String.valueOf(pair.getField(key)), converted == null ? nodes.nullNode() : converted);
        }
      } else if (field.isRepeated()) {
        List<?> items = (List<?>) value;
        if (!items.isEmpty()) {
          ArrayNode array = object.putArray(name(field));
          for (Object item : items) {
            JsonNode converted = element(field, item);
            array.add(converted == null ? nodes.nullNode() : converted);
          }
        }
      } else if (isInlined(field)) {
        fields((Message) value, object);
      } else {
        JsonNode converted = singular(field, value);
        if (converted != null) {
          object.set(name(field), converted);
        }
      }
    }
  }

  /** The JSON name of {@code field}. */
  static String name(FieldDescriptor field) {
    return RENAMED.getOrDefault(field.getFullName(), field.getName());
  }

  /**
   * Whether JSON writes the fields of {@code field}'s embedded Go struct into the enclosing object.
   */
  static boolean isInlined(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && INLINED.contains(field.getMessageType().getName() + ":" + field.getName());
  }

  /** A singular field that was sent; null when Go's JSON would leave it out. */
  private JsonNode singular(FieldDescriptor field, Object value) {
    if (field.getJavaType() == FieldDescriptor.JavaType.BYTE_STRING) {
      return ((ByteString) value).isEmpty() ? null : element(field, value);
    }
    if (isZero(value) && !keepsZero.test(field)) {
      return null;
    }
    return element(field, value);
  }

  private static boolean isZero(Object value) {
    return switch (value) {
      case String text -> text.isEmpty();
      case Boolean flag -> !flag;
      case Integer number -> number == 0;
      case Long number -> number == 0;
      case Double number -> number == 0;
      case Float number -> number == 0;
      default -> false; // messages: Go writes structs whatever they hold
    };
  }

  /** A value as it appears in an array, a map or a field; null for Go's null. */
  private JsonNode element(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case STRING -> nodes.textNode((String) value);
      case BYTE_STRING ->
          nodes.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case INT -> nodes.numberNode((Integer) value);
      case LONG -> nodes.numberNode((Long) value);
      case BOOLEAN -> nodes.booleanNode((Boolean) value);
      case DOUBLE -> nodes.numberNode((Double) value);
      case FLOAT -> nodes.numberNode((Float) value);
      case ENUM -> nodes.textNode(value.toString());
      case MESSAGE -> message((Message) value);
    };
  }

  private JsonNode message(Message message) {
    String type = message.getDescriptorForType().getFullName();
    return switch (type) {
      case TIME -> time(message, RFC3339);
      case MICRO_TIME -> time(message, RFC3339_MICRO);
      case DURATION -> nodes.textNode(GoDuration.format(longField(message, "duration")));
      case INT_OR_STRING ->
          longField(message, "type") == 1
              ? nodes.textNode(stringField(message, "strVal"))
              : nodes.numberNode((int) longField(message, "intVal"));
      case QUANTITY, QUANTITY_VALUE -> nodes.textNode(stringField(message, "string"));
      case RAW_EXTENSION, UNKNOWN -> raw(bytesField(message, "raw"));
      case FIELDS_V1 -> raw(bytesField(message, "Raw"));
      case VERBS -> strings(message);
      default ->
          message.getDescriptorForType().getName().equals("ExtraValue")
              ? strings(message)
              : object(message);
    };
  }

  private JsonNode time(Message message, DateTimeFormatter format) {
    FieldDescriptor seconds = message.getDescriptorForType().findFieldByName("seconds");
    if (!message.hasField(seconds) || (Long) message.getField(seconds) == ZERO_TIME_SECONDS) {
      return null; // Go's zero time: the encoder sends an empty message, JSON says null
    }
    Instant instant =
        Instant.ofEpochSecond((Long) message.getField(seconds), longField(message, "nanos"));
    return nodes.textNode(format.format(instant));
  }

  private JsonNode raw(ByteString bytes) {
    if (bytes.isEmpty()) {
      return null;
    }
    return embedded.read(bytes.toByteArray());
  }

  /** A Go string slice wrapped in a message ({@code ExtraValue}, {@code Verbs}). */
  private ArrayNode strings(Message message) {
    ArrayNode array = nodes.arrayNode();
    FieldDescriptor items = message.getDescriptorForType().findFieldByName("items");
    for (Object item : (List<?>) message.getField(items)) {
      array.add((String) item);
    }
    return array;
  }

  private static long longField(Message message, String name) {
    return ((Number) message.getField(message.getDescriptorForType().findFieldByName(name)))
        .longValue();
  }

  private static String stringField(Message message, String name) {
    return (String) message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static ByteString bytesField(Message message, String name) {
    return (ByteString) message.getField(message.getDescriptorForType().findFieldByName(name));
  }
}
