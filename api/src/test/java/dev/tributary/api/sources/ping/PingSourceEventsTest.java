package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.api.duck.CloudEventAttributes;
import org.junit.jupiter.api.Test;

class PingSourceEventsTest {

  @Test
  void sourceUsesV1WhateverTheVersion() {
    assertThat(PingSourceEvents.source("pingsource-example", "test-ping-source"))
        .isEqualTo("/apis/v1/namespaces/pingsource-example/pingsources/test-ping-source");
  }

  @Test
  void ceAttributesListTheOneTypeAndSource() {
    assertThat(PingSourceEvents.ceAttributes("ns", "p"))
        .containsExactly(
            new CloudEventAttributes(
                "dev.knative.sources.ping", "/apis/v1/namespaces/ns/pingsources/p"));
  }

  @Test
  void eventTypesAnnotationIsUpstreamsJson() throws Exception {
    JsonNode types = new ObjectMapper().readTree(PingSourceEvents.EVENT_TYPES_JSON);
    assertThat(types).hasSize(1);
    assertThat(types.get(0).get("type").asText()).isEqualTo("dev.knative.sources.ping");
    assertThat(types.get(0).get("description").asText())
        .isEqualTo("CloudEvent type for fixed payloads on a specified cron schedule");
    assertThat(PingSourceEvents.EVENT_TYPES_JSON)
        .startsWith("[\n  {\n    \"type\"")
        .endsWith("}\n]\n");
  }
}
