package dev.tributary.controller.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.controller.ReconcileEvent;
import org.junit.jupiter.api.Test;

class SinkNotFoundTest {

  @Test
  void theMessageIsTheDestinationAsGoMarshalsIt() {
    ReconcileEvent event =
        SinkNotFound.event(
            new Destination(
                KReference.of("v1", "Service", "default", "event-display"), "/a&b", null, null));

    assertThat(event.type()).isEqualTo("Warning");
    assertThat(event.reason()).isEqualTo("SinkNotFound");
    assertThat(event.message())
        .isEqualTo(
            "Sink not found: {\"ref\":{\"kind\":\"Service\",\"namespace\":\"default\","
                + "\"name\":\"event-display\",\"apiVersion\":\"v1\"},\"uri\":\"/a\\u0026b\"}");
  }
}
