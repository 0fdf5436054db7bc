package dev.tributary.adapters.heartbeats;

import dev.tributary.api.gojson.GoJson;
import dev.tributary.delivery.CeOverridesApplier;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/** Builds the events heartbeats sends. Pure and thread-safe. */
final class HeartbeatEvents {

  private final HeartbeatsConfig config;
  private final CeOverridesApplier overrides;

  HeartbeatEvents(HeartbeatsConfig config) {
    this.config = config;
    this.overrides = new CeOverridesApplier(config.overrides());
  }

  /**
   * Heartbeat number {@code sequence}: upstream's attributes and extensions ({@code the}=42, {@code
   * heart}="yes", {@code beats}=true), then {@code K_CE_OVERRIDES}, which may replace them.
   */
  CloudEvent build(long sequence, String id, OffsetDateTime time) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id)
            .withType(config.eventType())
            .withSource(config.eventSource())
            .withTime(time)
            .withDataContentType("application/json")
            .withExtension("the", 42)
            .withExtension("heart", "yes")
            .withExtension("beats", true)
            .withData(data(sequence, config.label(), config.msg()).getBytes(StandardCharsets.UTF_8))
            .build();
    return overrides.apply(event);
  }

  /** The data as Go's {@code json.Marshal} writes upstream's Heartbeat struct. */
  static String data(long sequence, String label, String msg) {
    StringBuilder b = new StringBuilder("{\"id\":").append(sequence);
    b.append(",\"label\":").append(GoJson.quote(label));
    if (!msg.isEmpty()) {
      b.append(",\"msg\":").append(GoJson.quote(msg));
    }
    return b.append('}').toString();
  }
}
