package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import java.util.Objects;

/**
 * A valid event as the {@link CloudEventReceiver} received it.
 *
 * @param event the event, validated as sdk-go validates (spec version, non-empty id, source and
 *     type, well-formed datacontenttype, dataschema and subject)
 * @param base64Data true when the event came in structured mode with {@code data_base64} rather
 *     than {@code data} (event_display then prints {@code Data (binary),}); always false in binary
 *     mode
 */
public record ReceivedEvent(CloudEvent event, boolean base64Data) {
  public ReceivedEvent {
    Objects.requireNonNull(event, "event");
  }
}
