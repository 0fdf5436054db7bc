package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tributary.api.duck.CloudEventAttributes;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Upstream-shaped manifests read with Jackson land in the right fields and write back alike. */
class PingSourceJsonTest {

  private static final YAMLMapper YAML = PingTestJson.YAML;
  private static final ObjectMapper JSON = PingTestJson.JSON;

  private static JsonNode tree(String resource) {
    return PingTestJson.yamlResource(PingSourceJsonTest.class, resource);
  }

  @Test
  void readsEveryField() throws IOException {
    PingSource source = YAML.treeToValue(tree("pingsource-v1.yaml"), PingSource.class);

    assertThat(source.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    assertThat(source.getKind()).isEqualTo("PingSource");
    assertThat(source.getMetadata().getNamespace()).isEqualTo("pingsource-example");
    PingSourceSpec spec = source.getSpec();
    assertThat(spec.schedule()).isEqualTo("*/1 * * * *");
    assertThat(spec.timezone()).isEqualTo("Europe/Paris");
    assertThat(spec.contentType()).isEqualTo("application/json");
    assertThat(spec.data()).isEqualTo("{\"message\": \"Hello world!\"}");
    assertThat(spec.dataBase64()).isEmpty();
    assertThat(spec.ceOverrides().extensions()).containsEntry("hello", "world");
    assertThat(spec.sink().ref().name()).isEqualTo("event-display");
    assertThat(spec.sink().uri()).isEqualTo("/events");
    assertThat(spec.sink().caCerts()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(spec.sink().audience()).isEqualTo("event-display");
    assertThat(spec.delivery().retry()).isEqualTo(3);

    PingSourceStatus status = source.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getSinkUri())
        .isEqualTo("http://event-display.pingsource-example.svc.cluster.local/events");
    assertThat(status.getSinkAudience()).isEqualTo("event-display");
    assertThat(status.getCeAttributes())
        .containsExactly(
            new CloudEventAttributes(
                PingSourceEvents.TYPE,
                PingSourceEvents.source("pingsource-example", "test-ping-source")));
    assertThat(new PingSourceLifecycle(status).isReady()).isTrue();
  }

  @Test
  void writesBackWhatItRead() throws IOException {
    for (String manifest : new String[] {"pingsource-v1.yaml", "pingsource-v1-base64.yaml"}) {
      JsonNode original = tree(manifest);
      PingSource source = YAML.treeToValue(original, PingSource.class);
      JsonNode written = JSON.readTree(JSON.writeValueAsString(source));
      assertThat(written).as(manifest).isEqualTo(original);
    }
  }

  @Test
  void leavesEmptyFieldsOut() throws IOException {
    PingSource source =
        PingSource.of("default", "p", PingSourceSpec.EMPTY.withSchedule("* * * * *"));
    JsonNode written = JSON.readTree(JSON.writeValueAsString(source));
    assertThat(written.get("spec").toString()).isEqualTo("{\"schedule\":\"* * * * *\"}");
    assertThat(written.get("apiVersion").asText()).isEqualTo("sources.knative.dev/v1");
  }

  @Test
  void ignoresUnknownSpecFieldsAsGoDoes() throws IOException {
    PingSourceSpec spec =
        JSON.readValue("{\"schedule\":\"* * * * *\",\"jsonData\":\"{}\"}", PingSourceSpec.class);
    assertThat(spec).isEqualTo(PingSourceSpec.EMPTY.withSchedule("* * * * *"));
  }

  @Test
  void fabric8sOwnSerializationReadsAndWritesTheSame() throws IOException {
    // The client, informers and webhook go through fabric8's (Jackson 3) serialization.
    KubernetesSerialization fabric8 = new KubernetesSerialization();
    JsonNode original = tree("pingsource-v1.yaml");
    PingSource source = fabric8.unmarshal(JSON.writeValueAsString(original), PingSource.class);
    assertThat(source.getSpec()).isEqualTo(YAML.treeToValue(original, PingSource.class).getSpec());
    JsonNode written = JSON.readTree(fabric8.asJson(source));
    // The spec and the status fields of our own records come out exactly as they went in.
    assertThat(written.get("spec")).isEqualTo(original.get("spec"));
    assertThat(written.get("status").get("ceAttributes"))
        .isEqualTo(original.get("status").get("ceAttributes"));
    assertThat(written.get("status").get("sinkUri"))
        .isEqualTo(original.get("status").get("sinkUri"));
  }
}
