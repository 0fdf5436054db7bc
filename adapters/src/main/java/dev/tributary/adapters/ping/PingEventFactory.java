package dev.tributary.adapters.ping;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.sources.ping.GoBase64;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceEvents;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.delivery.CeOverridesApplier;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Builds the CloudEvents one PingSource sends, one per tick, as Knative's mtping adapter does:
 *
 * <ul>
 *   <li>{@code specversion} 1.0, {@code type} {@code dev.knative.sources.ping}, {@code source}
 *       {@code /apis/v1/namespaces/<namespace>/pingsources/<name>} (literal {@code v1} whatever
 *       version the source was written in); no {@code subject};
 *   <li>data: the bytes of {@code spec.data} (UTF-8), or {@code spec.dataBase64} decoded as Go's
 *       StdEncoding decodes it ({@code dataBase64} wins if both are set, as upstream); <b>no data
 *       at all</b> when both are empty;
 *   <li>{@code datacontenttype}: {@code spec.contentType} with surrounding white space trimmed,
 *       <b>absent</b> when that is empty. Upstream sets it only together with the data, so a source
 *       with a contentType but no data sends none either (sdk-go's {@code SetData} is what sets
 *       it);
 *   <li>extensions: {@code spec.ceOverrides}, through {@link CeOverridesApplier} (names
 *       lower-cased; core-attribute and invalid names skipped and logged);
 *   <li>{@code time}: the send time the caller passes to {@link #event}, because upstream's client
 *       stamps {@code time} when it sends (after the random 0-499 ms spread), not the scheduled
 *       time. Retries of one send keep it.
 * </ul>
 *
 * <p><b>Deviation from Knative: the id is deterministic.</b> Upstream gives every tick a random
 * UUIDv4. Here the id is a version-5 UUID derived from the source's {@code metadata.uid} (or {@code
 * namespace/name} when the uid is empty) and the tick's <em>scheduled</em> time ({@link
 * PingEventIds}). Two adapter replicas, a restarted adapter or a re-sent tick give the same tick
 * the same id, so a consumer can deduplicate; it still looks like the UUID Knative users expect.
 * See {@code docs/ping-event-ids.md}.
 *
 * <p>Everything but id and time is built once, in {@link #of}, as upstream clones a prebuilt event
 * per tick. Immutable and thread-safe.
 */
public final class PingEventFactory {

  /** Stands in for the id in the prebuilt event (the SDK requires one); never sent. */
  private static final String TEMPLATE_ID = "template";

  private final String key;
  private final String identity;
  private final CloudEvent template;

  private PingEventFactory(String key, String identity, CloudEvent template) {
    this.key = key;
    this.identity = identity;
    this.template = template;
  }

  /**
   * Prebuilds {@code source}'s event.
   *
   * @throws InvalidPingSourceException when {@code spec.dataBase64} is not valid base64 (upstream
   *     would send whatever it decoded before the error)
   */
  public static PingEventFactory of(PingSource source) throws InvalidPingSourceException {
    String namespace = source.getMetadata().getNamespace();
    String name = source.getMetadata().getName();
    String key = namespace + "/" + name;
    PingSourceSpec spec = source.getSpec() == null ? PingSourceSpec.EMPTY : source.getSpec();

    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(TEMPLATE_ID)
            .withType(PingSourceEvents.TYPE)
            .withSource(URI.create(PingSourceEvents.source(namespace, name)));
    byte[] data = data(spec, key);
    if (data != null) {
      String contentType = trimSpace(spec.contentType());
      if (!contentType.isEmpty()) {
        builder.withDataContentType(contentType);
      }
      builder.withData(data);
    }
    CloudEventOverrides overrides =
        spec.ceOverrides() == null ? CloudEventOverrides.NONE : spec.ceOverrides();
    CloudEvent template = new CeOverridesApplier(overrides).apply(builder.build());
    return new PingEventFactory(key, PingEventIds.identity(source), template);
  }

  /** The source's {@code namespace/name}. */
  public String key() {
    return key;
  }

  /** The id of the tick scheduled at {@code scheduledTime} (see {@link PingEventIds}). */
  public String eventId(Instant scheduledTime) {
    return PingEventIds.id(identity, scheduledTime).toString();
  }

  /**
   * The event of the tick scheduled at {@code scheduledTime}, sent at {@code sendTime}.
   *
   * @param scheduledTime the tick's scheduled activation; determines the id
   * @param sendTime becomes {@code time}, in UTC
   */
  public CloudEvent event(Instant scheduledTime, Instant sendTime) {
    return CloudEventBuilder.v1(template)
        .withId(eventId(scheduledTime))
        .withTime(OffsetDateTime.ofInstant(sendTime, ZoneOffset.UTC))
        .build();
  }

  /** The payload bytes, or null for none. */
  private static byte[] data(PingSourceSpec spec, String key) throws InvalidPingSourceException {
    if (!spec.dataBase64().isEmpty()) {
      try {
        return GoBase64.decode(spec.dataBase64());
      } catch (GoBase64.CorruptInputException e) {
        throw new InvalidPingSourceException(key, "spec.dataBase64: " + e.getMessage(), e);
      }
    }
    if (!spec.data().isEmpty()) {
      return spec.data().getBytes(StandardCharsets.UTF_8);
    }
    return null;
  }

  /** Go's {@code strings.TrimSpace}, which sdk-go applies to {@code datacontenttype}. */
  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isGoSpace(int c) {
    if (c <= 0xff) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xa0;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
