package dev.tributary.api.sources.ping.v1beta1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;

/**
 * The desired state of a {@code sources.knative.dev/v1beta1} PingSource (removed upstream in v0.23,
 * still found in old manifests): a JSON payload, always sent as {@code application/json}, instead
 * of v1's contentType/data/dataBase64.
 *
 * <p>Strings are never null ({@code ""} when absent, left out of the JSON). Immutable.
 *
 * @param sink where events go
 * @param ceOverrides extensions added to every event, or null
 * @param schedule a five-field cron schedule or descriptor ({@code @every} allowed)
 * @param timezone an IANA zone name the schedule is read in; "" for the adapter's zone
 * @param jsonData the payload; when it is not a JSON object it was sent wrapped as {@code
 *     {"body":"..."}}
 * @param delivery Tributary's delivery policy for the events, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"sink", "ceOverrides", "schedule", "timezone", "jsonData", "delivery"})
public record PingSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    String schedule,
    String timezone,
    String jsonData,
    DeliverySpec delivery)
    implements SourceSpec {

  /** A spec with nothing set. */
  public static final PingSourceSpec EMPTY = new PingSourceSpec(null, null, null, null, null, null);

  public PingSourceSpec {
    schedule = schedule == null ? "" : schedule;
    timezone = timezone == null ? "" : timezone;
    jsonData = jsonData == null ? "" : jsonData;
  }

  /** A spec with a sink, a schedule and a payload. */
  public static PingSourceSpec of(Destination sink, String schedule, String jsonData) {
    return new PingSourceSpec(sink, null, schedule, null, jsonData, null);
  }

  public PingSourceSpec withSink(Destination sink) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }

  public PingSourceSpec withCeOverrides(CloudEventOverrides ceOverrides) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }

  public PingSourceSpec withSchedule(String schedule) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }

  public PingSourceSpec withTimezone(String timezone) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }

  public PingSourceSpec withJsonData(String jsonData) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }

  public PingSourceSpec withDelivery(DeliverySpec delivery) {
    return new PingSourceSpec(sink, ceOverrides, schedule, timezone, jsonData, delivery);
  }
}
