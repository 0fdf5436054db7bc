package dev.tributary.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.v1.CloudEventV1;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.http.impl.HttpMessageReader;
import io.cloudevents.jackson.JsonFormat;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our thin CloudEvents HTTP binding for Vert.x 5 (the SDK's Vert.x binding targets Vert.x 4): the
 * SDK's generic HTTP reader/writer and JSON format, adapted to Vert.x headers and buffers.
 *
 * <p>Encoding and decoding follow sdk-go's HTTP protocol: a request is structured when its {@code
 * Content-Type} media type is {@value #STRUCTURED_JSON}, batched when it is {@value #BATCH_JSON},
 * otherwise binary when it has a {@code ce-specversion} header, otherwise in no known encoding.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloudEventHttpCodec {

  /** Media type of a structured-mode JSON event. */
  public static final String STRUCTURED_JSON = JsonFormat.CONTENT_TYPE;

  /** Media type of a batch of JSON events. */
  public static final String BATCH_JSON = "application/cloudevents-batch+json";

  private static final String SPEC_VERSION_HEADER = "ce-specversion";
  private static final String STRUCTURED_PREFIX = "application/cloudevents";

  private static final JsonFormat FORMAT = new JsonFormat();
  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());

  private CloudEventHttpCodec() {}

  /**
   * An event as HTTP request headers and body.
   *
   * @param headers {@code ce-*} and {@code Content-Type} (binary) or {@code Content-Type} only
   *     (structured); a fresh map the caller may add to
   * @param body the data (binary; empty when the event has none) or the JSON document
   */
  public record EncodedEvent(MultiMap headers, Buffer body) {}

  /** Encodes {@code event} for an HTTP request. */
  public static EncodedEvent encode(CloudEvent event, Encoding encoding) {
    if (encoding == Encoding.BINARY && BinaryV1Encoder.handles(event)) {
      return BinaryV1Encoder.encode((CloudEventV1) event);
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Buffer body = Buffer.buffer();
    var writer = HttpMessageFactory.createWriter(headers::add, bytes -> appendTo(body, bytes));
    switch (encoding) {
      case BINARY -> writer.writeBinary(event);
      case STRUCTURED -> writer.writeStructured(event, FORMAT);
    }
    return new EncodedEvent(headers, body);
  }

  /**
   * Decodes and validates the events an HTTP request carries: one for binary and structured
   * requests, any number for a batch.
   *
   * @throws CloudEventDecodingException with status 415 when the request is in no encoding we know,
   *     400 when an event is malformed or invalid (a batch is refused as a whole)
   */
  public static List<ReceivedEvent> decode(MultiMap headers, Buffer body)
      throws CloudEventDecodingException {
    String mediaType = mediaType(headers.get("Content-Type"));
    if (STRUCTURED_JSON.equals(mediaType)) {
      return List.of(structured(parseJson(body), ""));
    }
    if (BATCH_JSON.equals(mediaType)) {
      return batch(parseJson(body));
    }
    String specVersion = headers.get(SPEC_VERSION_HEADER);
    if (specVersion != null) {
      return List.of(binary(headers, body, specVersion));
    }
    if (mediaType != null && mediaType.startsWith(STRUCTURED_PREFIX)) {
      throw new CloudEventDecodingException(
          CloudEventDecodingException.UNSUPPORTED_ENCODING,
          "unsupported CloudEvents format " + mediaType);
    }
    throw new CloudEventDecodingException(
        CloudEventDecodingException.UNSUPPORTED_ENCODING,
        "not a CloudEvent: no ce-specversion header and no structured content type");
  }

  private static ReceivedEvent binary(MultiMap headers, Buffer body, String specVersion)
      throws CloudEventDecodingException {
    SpecVersion version = knownVersion(specVersion);
    if (version == null) {
      // sdk-go recognises no binary message then: an unknown encoding.
      throw new CloudEventDecodingException(
          CloudEventDecodingException.UNSUPPORTED_ENCODING,
          "unsupported CloudEvents spec version " + specVersion);
    }
    CloudEvent event;
    try {
      event =
          new HttpMessageReader(version, each -> headers.forEach(each), body.getBytes()).toEvent();
    } catch (RuntimeException e) {
      throw malformed("malformed event: " + Reasons.rootMessage(e));
    }
    return valid(event, false, "");
  }

  private static List<ReceivedEvent> batch(JsonNode root) throws CloudEventDecodingException {
    if (!root.isArray()) {
      throw malformed("a batch must be a JSON array of events");
    }
    List<ReceivedEvent> events = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      events.add(structured(root.get(i), "event " + i + ": "));
    }
    return List.copyOf(events);
  }

  private static ReceivedEvent structured(JsonNode node, String where)
      throws CloudEventDecodingException {
    if (!node.isObject()) {
      throw malformed(where + "an event must be a JSON object");
    }
    CloudEvent event;
    try {
      event = JSON.treeToValue(node, CloudEvent.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw malformed(where + "malformed event: " + Reasons.rootMessage(e));
    }
    return valid(event, node.has("data_base64"), where);
  }

  private static ReceivedEvent valid(CloudEvent event, boolean base64Data, String where)
      throws CloudEventDecodingException {
    List<String> problems = CloudEventValidation.problems(event);
    if (!problems.isEmpty()) {
      throw malformed(where + "invalid event: " + String.join("; ", problems));
    }
    return new ReceivedEvent(event, base64Data);
  }

  private static JsonNode parseJson(Buffer body) throws CloudEventDecodingException {
    try {
      JsonNode root = JSON.readTree(body.getBytes());
      if (root == null || root.isMissingNode()) {
        throw malformed("empty body");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed("invalid JSON: " + Reasons.oneLine(e.getOriginalMessage()));
    } catch (java.io.IOException e) {
      throw malformed(Reasons.rootMessage(e));
    }
  }

  private static SpecVersion knownVersion(String value) {
    for (SpecVersion version : SpecVersion.values()) {
      if (version.toString().equals(value)) {
        return version;
      }
    }
    return null;
  }

  /** The lower-cased media type of a Content-Type value, without parameters; null if absent. */
  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static CloudEventDecodingException malformed(String reason) {
    return new CloudEventDecodingException(CloudEventDecodingException.MALFORMED, reason);
  }

  private static void appendTo(Buffer body, byte[] bytes) {
    if (bytes != null) {
      body.appendBytes(bytes);
    }
  }
}
