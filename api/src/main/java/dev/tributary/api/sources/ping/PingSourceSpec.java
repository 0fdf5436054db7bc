package dev.tributary.api.sources.ping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.SourceSpec;

/**
 * The desired state of a PingSource ({@code sources.knative.dev/v1}, identical in v1beta2): send a
 * fixed payload to a sink on a cron schedule.
 *
 * <p>Strings are never null: absent means {@code ""}, as Go's zero value, and {@code ""} is left
 * out of the JSON. Immutable; the {@code with...} methods return copies.
 *
 * @param sink where events go
 * @param ceOverrides extensions added to every event, or null
 * @param schedule the cron schedule (5 fields, or 6 with leading seconds, or a descriptor);
 *     defaulted to {@code "* * * * *"}
 * @param timezone an IANA zone name the schedule is read in; "" for the adapter's zone
 * @param contentType becomes the events' {@code datacontenttype}; "" for none
 * @param data the events' data as text; exclusive with {@code dataBase64}
 * @param dataBase64 the events' data, standard base64 with padding; exclusive with {@code data}
 * @param delivery Tributary's delivery policy for the events (retries, dead-letter sink), or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({
  "sink",
  "ceOverrides",
  "schedule",
  "timezone",
  "contentType",
  "data",
  "dataBase64",
  "delivery"
})
public record PingSourceSpec(
    Destination sink,
    CloudEventOverrides ceOverrides,
    String schedule,
    String timezone,
    String contentType,
    String data,
    String dataBase64,
    DeliverySpec delivery)
    implements SourceSpec {

  /** A spec with nothing set. */
  public static final PingSourceSpec EMPTY =
      new PingSourceSpec(null, null, null, null, null, null, null, null);

  public PingSourceSpec {
    schedule = orEmpty(schedule);
    timezone = orEmpty(timezone);
    contentType = orEmpty(contentType);
    data = orEmpty(data);
    dataBase64 = orEmpty(dataBase64);
  }

  /** A spec with a sink and a schedule. */
  public static PingSourceSpec of(Destination sink, String schedule) {
    return EMPTY.withSink(sink).withSchedule(schedule);
  }

  public PingSourceSpec withSink(Destination sink) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withCeOverrides(CloudEventOverrides ceOverrides) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withSchedule(String schedule) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withTimezone(String timezone) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withContentType(String contentType) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withData(String data) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withDataBase64(String dataBase64) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  public PingSourceSpec withDelivery(DeliverySpec delivery) {
    return new PingSourceSpec(
        sink, ceOverrides, schedule, timezone, contentType, data, dataBase64, delivery);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
