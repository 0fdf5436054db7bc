package dev.tributary.local.apiserver.protobuf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.ResourceType;
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

  private final Supplier<List<ResourceType>> kinds;
  private final ObjectMapper json;
  private volatile ProtobufReader reader;

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
   * Blocking: the first call loads the message descriptors.
   *
   * @param expected the resource the request addresses, or null
   * @throws ApiException 400 if the body does not decode, 415 if the server has no protobuf form
   *     for the kind it names
   */
  public ObjectNode decode(byte[] body, ResourceType expected) {
    return reader().decode(body, expected);
  }

  /** Whether a media type is Kubernetes protobuf. */
  public static boolean isProtobuf(String mediaType) {
    return MEDIA_TYPE.equals(mediaType);
  }

  private ProtobufReader reader() {
    ProtobufReader loaded = reader;
    if (loaded == null) {
      // Two first bodies at once may both build one; they are equal.
      loaded = new ProtobufReader(ProtobufSchemas.of(kinds.get()), json);
      reader = loaded;
    }
    return loaded;
  }
}
