package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The work of {@link ProtobufDecoder}, in a class of its own so that the protobuf runtime's classes
 * load with it, on the first protobuf body, not when the server starts. Thread-safe.
 */
final class ProtobufReader {

  /** The media types bodies may be sent in instead, for the 415 answer. */
  private static final List<String> READABLE = List.of("application/json", "application/yaml");

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private final ProtobufSchemas schemas;
  private final ObjectMapper json;

  ProtobufReader(ProtobufSchemas schemas, ObjectMapper json) {
    this.schemas = schemas;
    this.json = json;
  }

  /**
   * The object in {@code body}, as JSON with {@code apiVersion} and {@code kind} from the envelope
   * (or {@code expected}'s where the envelope leaves them out, as Kubernetes defaults them).
   *
   * @param expected the resource the request addresses, or null
   * @throws ApiException 400 if the body does not decode, 415 if the server has no protobuf form
   *     for the kind it names
   */
  ObjectNode decode(byte[] body, ResourceType expected) {
    if (body.length < MAGIC.length
        || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw ApiErrors.badRequest(
          "the body of the request is not a Kubernetes protobuf object: it lacks the k8s\\0 prefix");
    }
    Envelope envelope = envelope(body);
    if (!envelope.contentEncoding().isEmpty()) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request has an unsupported content encoding: "
              + envelope.contentEncoding());
    }
    String apiVersion = envelope.apiVersion();
    String kind = envelope.kind();
    if (apiVersion.isEmpty() && expected != null) {
      apiVersion = expected.apiVersion();
    }
    if (kind.isEmpty() && expected != null) {
      kind = expected.kind();
    }
    Descriptor descriptor = schemas.message(apiVersion, kind);
    if (descriptor == null) {
      throw new ApiException(
          415,
          "UnsupportedMediaType",
          "the server cannot read "
              + (kind.isEmpty() ? "an object without a kind" : apiVersion + ", Kind=" + kind)
              + " in protobuf - accepted media types include: "
              + String.join(", ", READABLE),
          new ApiException.Details("", "", ProtobufDecoder.MEDIA_TYPE, List.of()));
    }
    ObjectNode object = json.getNodeFactory().objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    try {
      KubernetesJson converter =
          new KubernetesJson(json.getNodeFactory(), this::embedded, schemas::keepsZero);
      object.setAll(converter.object(DynamicMessage.parseFrom(descriptor, envelope.raw())));
    } catch (InvalidProtocolBufferException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request is not a valid " + kind + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request holds an unreadable " + kind + ": " + e.getMessage());
    }
    return object;
  }

  /** A runtime.Unknown: the type of the object in {@code raw}. */
  private record Envelope(String apiVersion, String kind, ByteString raw, String contentEncoding) {}

  /**
   * Reads the runtime.Unknown after the magic. Through its descriptor rather than the generated
   * class, so that only client-java-proto's descriptor classes are ever used.
   */
  private Envelope envelope(byte[] body) {
    DynamicMessage unknown;
    try {
      unknown =
          DynamicMessage.parseFrom(
              schemas.envelope(),
              ByteString.copyFrom(body, MAGIC.length, body.length - MAGIC.length));
    } catch (InvalidProtocolBufferException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request is malformed: " + e.getMessage());
    }
    Message typeMeta = (Message) field(unknown, "typeMeta");
    return new Envelope(
        (String) field(typeMeta, "apiVersion"),
        (String) field(typeMeta, "kind"),
        (ByteString) field(unknown, "raw"),
        (String) field(unknown, "contentEncoding"));
  }

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  /** An object embedded in a RawExtension (or FieldsV1): JSON, or protobuf in its envelope. */
  private JsonNode embedded(byte[] raw) {
    if (raw.length >= MAGIC.length && Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return decode(raw, null);
    }
    try {
      JsonNode node = json.readTree(raw);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("an embedded object is empty");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("an embedded object is neither JSON nor protobuf", e);
    }
  }
}
