package dev.tributary.delivery;

import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.v1.CloudEventV1;
import io.cloudevents.http.impl.CloudEventsHeaders;
import io.cloudevents.types.Time;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * Binary-mode HTTP encoding of the SDK's own CloudEvents 1.0 events, written straight into Vert.x
 * headers: what the SDK's HTTP message writer produces (same header names, values and order, same
 * body), without its writer objects and per-attribute lookups. It runs for every event sent, so it
 * is worth keeping lean; {@code CloudEventHttpCodecTest} checks it against the SDK writer.
 *
 * <p>Stateless and thread-safe.
 */
final class BinaryV1Encoder {

  private static final String SPEC_VERSION = SpecVersion.V1.toString();

  private BinaryV1Encoder() {}

  /** Whether {@link #encode} can take {@code event}: an SDK-built 1.0 event. */
  static boolean handles(Object event) {
    return event instanceof CloudEventV1;
  }

  /** The headers (a fresh map the caller may add to) and body of {@code event}. */
  static CloudEventHttpCodec.EncodedEvent encode(CloudEventV1 event) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    // The SDK's order: specversion, the context attributes as CloudEventV1 reads them, then the
    // extensions in their map's order.
    headers.add("ce-specversion", SPEC_VERSION);
    headers.add("ce-id", event.getId());
    headers.add("ce-source", event.getSource().toString());
    headers.add("ce-type", event.getType());
    if (event.getDataContentType() != null) {
      headers.add(CloudEventsHeaders.CONTENT_TYPE, event.getDataContentType());
    }
    if (event.getDataSchema() != null) {
      headers.add("ce-dataschema", event.getDataSchema().toString());
    }
    if (event.getSubject() != null) {
      headers.add("ce-subject", event.getSubject());
    }
    if (event.getTime() != null) {
      headers.add("ce-time", Time.writeTime("time", event.getTime()));
    }
    for (String name : event.getExtensionNames()) {
      headers.add(headerName(name), extensionValue(name, event.getExtension(name)));
    }
    CloudEventData data = event.getData();
    Buffer body = data == null ? Buffer.buffer() : Buffer.buffer(data.toBytes());
    return new CloudEventHttpCodec.EncodedEvent(headers, body);
  }

  private static String headerName(String extension) {
    // An extension named like an attribute gets that attribute's header, as in the SDK.
    String mapped = CloudEventsHeaders.ATTRIBUTES_TO_HEADERS.get(extension);
    return mapped != null ? mapped : CloudEventsHeaders.CE_PREFIX + extension;
  }

  /** The SDK's text for each extension type an SDK-built event can hold. */
  private static String extensionValue(String name, Object value) {
    return switch (value) {
      case String s -> s;
      case Number n -> n.toString();
      case Boolean b -> b.toString();
      case URI u -> u.toString();
      case OffsetDateTime t -> Time.writeTime(name, t);
      case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
      default ->
          throw new IllegalStateException(
              "Illegal value inside extensions map: " + name + "=" + value);
    };
  }
}
