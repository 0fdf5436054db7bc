package dev.tributary.bench;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The event both load generators send: a heartbeat as the walkthrough's ContainerSource emits it.
 * {@code bench/post-heartbeat.lua} sends the same attributes and body from wrk.
 */
final class BenchEvents {
  static final String TYPE = "dev.knative.eventing.samples.heartbeat";
  static final URI SOURCE =
      URI.create("https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod");

  private BenchEvents() {}

  /**
   * {@code count} heartbeats with ids 0 to count-1, built ahead so that a benchmark measures
   * sending events rather than building them (wrk sends prepared bytes too).
   */
  static CloudEvent[] heartbeats(int count) {
    CloudEvent[] events = new CloudEvent[count];
    for (int i = 0; i < count; i++) {
      events[i] = heartbeat(i);
    }
    return events;
  }

  static CloudEvent heartbeat(long id) {
    return CloudEventBuilder.v1()
        .withId("bench-" + id)
        .withType(TYPE)
        .withSource(SOURCE)
        .withDataContentType("application/json")
        .withExtension("the", 42)
        .withExtension("heart", "yes")
        .withExtension("beats", true)
        .withData(("{\"id\":" + id + ",\"label\":\"\"}").getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
