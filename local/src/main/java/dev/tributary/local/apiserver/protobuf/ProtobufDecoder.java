package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.ResourceType;
import io.kubernetes.client.proto.Runtime.Unknown;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads request bodies sent as Kubernetes protobuf ({@code application/vnd.kubernetes.protobuf}),
 * which is how kubectl's typed clients send them ({@code kubectl create configmap}, {@code kubectl
 * auth can-i}, ...): the {@code k8s\0} magic, a {@code runtime.Unknown} envelope naming the
 * apiVersion and kind, and the object, turned into the JSON object the rest of the server works on.
 * The message descriptors are looked up once, on the first protobuf body, so a server that never
 * sees one never loads them. Thread-safe.
 */
public final class ProtobufDecoder {

  /** Kubernetes' protobuf media type. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  /** The media types bodies may be sent in instead, for the 415 answer. */
  private static final List<String> READABLE = List.of("application/json", "application/yaml");

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private final Supplier<List<ResourceType>> kinds;
  private final ObjectMapper json;
  private volatile ProtobufSchemas schemas;

  /**
   * @param kinds the kinds whose protobuf form is read (the built-in ones); asked once, on the
   *     first body
   * @param json parses JSON embedded in RawExtension and FieldsV1 fields and builds the nodes
   */
  public ProtobufDecoder(Supplier<List<ResourceType>> kinds, ObjectMapper json) {
    this.kinds = kinds;
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
  public ObjectNode decode(byte[] body, ResourceType expected) {
    if (body.length < MAGIC.length
        || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw ApiErrors.badRequest(
          "the body of the request is not a Kubernetes protobuf object: it lacks the k8s\\0 prefix");
    }
    Unknown envelope;
    try {
      envelope = Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
    } catch (InvalidProtocolBufferException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request is malformed: " + e.getMessage());
    }
    if (!envelope.getContentEncoding().isEmpty()) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request has an unsupported content encoding: "
              + envelope.getContentEncoding());
    }
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    if (apiVersion.isEmpty() && expected != null) {
      apiVersion = expected.apiVersion();
    }
    if (kind.isEmpty() && expected != null) {
      kind = expected.kind();
    }
    ProtobufSchemas loaded = schemas();
    Descriptor descriptor = loaded.message(apiVersion, kind);
    if (descriptor == null) {
      throw new ApiException(
          415,
          "UnsupportedMediaType",
          "the server cannot read "
              + (kind.isEmpty() ? "an object without a kind" : apiVersion + ", Kind=" + kind)
              + " in protobuf - accepted media types include: "
              + String.join(", ", READABLE),
          new ApiException.Details("", "", MEDIA_TYPE, List.of()));
    }
    ObjectNode object = json.getNodeFactory().objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    try {
      KubernetesJson converter =
          new KubernetesJson(json.getNodeFactory(), this::embedded, loaded::keepsZero);
      object.setAll(converter.object(DynamicMessage.parseFrom(descriptor, envelope.getRaw())));
    } catch (InvalidProtocolBufferException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request is not a valid " + kind + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiErrors.badRequest(
          "the protobuf body of the request holds an unreadable " + kind + ": " + e.getMessage());
    }
    return object;
  }

  /** Whether a Content-Type names Kubernetes protobuf. */
  public static boolean isProtobuf(String mediaType) {
    return MEDIA_TYPE.equals(mediaType);
  }

  private ProtobufSchemas schemas() {
    ProtobufSchemas loaded = schemas;
    if (loaded == null) {
      // Two first bodies at once may both build the table; both results are equal.
      loaded = ProtobufSchemas.of(kinds.get());
      schemas = loaded;
    }
    return loaded;
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
