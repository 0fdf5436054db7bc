package dev.tributary.api.sources.ping.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.api.sources.ping.PingTestJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The walkthrough's v1beta1 manifest reads, writes back, and converts to what v1 stores. */
class PingSourceJsonTest {

  private static final JsonNode WALKTHROUGH =
      PingTestJson.yamlResource(PingSourceJsonTest.class, "pingsource-walkthrough.yaml");

  @Test
  void readsTheWalkthroughManifest() throws IOException {
    PingSource source = PingTestJson.YAML.treeToValue(WALKTHROUGH, PingSource.class);
    assertThat(source.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(source.getMetadata().getName()).isEqualTo("test-ping-source");
    assertThat(source.getSpec().schedule()).isEqualTo("*/1 * * * *");
    assertThat(source.getSpec().jsonData()).isEqualTo("{\"message\": \"hello, world!\"}");
    assertThat(source.getSpec().sink().ref().kind()).isEqualTo("Service");
    assertThat(source.getSpec().sink().ref().apiVersion()).isEqualTo("v1");
    assertThat(source.getSpec().sink().ref().name()).isEqualTo("event-display");
    assertThat(PingSourceValidation.validate(source).isEmpty()).isTrue();
    assertThat(PingTestJson.tree(source)).isEqualTo(WALKTHROUGH);
  }

  @Test
  void storesAsV1WithUpstreamsNames() throws IOException {
    PingSource source = PingTestJson.YAML.treeToValue(WALKTHROUGH, PingSource.class);
    JsonNode v1 = PingTestJson.tree(PingSourceConversion.toV1(source));
    assertThat(v1.get("apiVersion").asText()).isEqualTo("sources.knative.dev/v1");
    assertThat(v1.get("kind").asText()).isEqualTo("PingSource");
    JsonNode spec = v1.get("spec");
    assertThat(spec.get("contentType").asText()).isEqualTo("application/json");
    assertThat(spec.get("data").asText()).isEqualTo("{\"message\":\"hello, world!\"}");
    assertThat(spec.has("jsonData")).isFalse();
    assertThat(spec.get("sink")).isEqualTo(WALKTHROUGH.get("spec").get("sink"));
    JsonNode recorded =
        PingTestJson.JSON.readTree(
            v1.get("metadata")
                .get("annotations")
                .get(PingSourceConversion.V1BETA1_SPEC_ANNOTATION)
                .asText());
    assertThat(recorded).isEqualTo(WALKTHROUGH.get("spec"));
  }
}
