package dev.tributary.webhook.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.webhook.SourceJson;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionRequest;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ConversionResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SourceConversionTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final SourceConversion conversion = new SourceConversion(new SourceJson());

  private static final String V1BETA2 =
      """
      {"apiVersion":"sources.knative.dev/v1beta2","kind":"PingSource",
       "metadata":{"name":"p","namespace":"ns","uid":"u","resourceVersion":"3","labels":{"a":"b"}},
       "spec":{"schedule":"0 * * * *","dataBase64":"aGk=","sink":{"uri":"http://example.com"},
               "ceOverrides":{"extensions":{"hello":"world"}}},
       "status":{"sinkUri":"http://example.com","observedGeneration":2}}
      """;

  @Test
  void convertsV1beta2ToV1AndBackLosingNothing() {
    ConversionResponse up = convert("sources.knative.dev/v1", V1BETA2);
    assertThat(up.getResult().getStatus()).isEqualTo("Success");
    assertThat(up.getUid()).isEqualTo("req-1");
    Map<?, ?> v1 = (Map<?, ?>) up.getConvertedObjects().get(0);
    assertThat(v1.get("apiVersion")).isEqualTo("sources.knative.dev/v1");
    assertThat(v1.get("kind")).isEqualTo("PingSource");

    ConversionResponse down = convert("sources.knative.dev/v1beta2", JSON.asJson(v1));
    Map<?, ?> back = (Map<?, ?>) down.getConvertedObjects().get(0);
    JsonMapper mapper = JsonMapper.builder().build();
    assertThat(mapper.readTree(JSON.asJson(back))).isEqualTo(mapper.readTree(V1BETA2));
  }

  @Test
  void convertsV1beta1JsonDataAsUpstreamDid() {
    String v1beta1 =
        """
        {"apiVersion":"sources.knative.dev/v1beta1","kind":"PingSource",
         "metadata":{"name":"p","namespace":"ns"},
         "spec":{"schedule":"*/1 * * * *","jsonData":"{\\"message\\": \\"hello, world!\\"}",
                 "sink":{"uri":"http://example.com"}}}
        """;
    ConversionResponse response = convert("sources.knative.dev/v1", v1beta1);
    Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) response.getConvertedObjects().get(0)).get("spec");
    assertThat(spec.get("contentType")).isEqualTo("application/json");
    assertThat(spec.get("data")).isEqualTo("{\"message\":\"hello, world!\"}");
  }

  @Test
  void convertsEveryObjectOfAReview() {
    ConversionResponse response =
        conversion.convert(
            new ConversionRequest(
                "sources.knative.dev/v1",
                List.of(JSON.unmarshal(V1BETA2, Map.class), JSON.unmarshal(V1BETA2, Map.class)),
                "req-2"));
    assertThat(response.getConvertedObjects()).hasSize(2);
  }

  @Test
  void reportsFailuresInTheResult() {
    assertThat(convert("sources.knative.dev/v9", V1BETA2).getResult().getMessage())
        .isEqualTo(
            "conversion not supported for type [kind=PingSource group=sources.knative.dev"
                + " version=v9]");
    assertThat(convert("v1", V1BETA2).getResult().getMessage())
        .isEqualTo("desired API version \"v1\" is not valid");
    ConversionResponse broker =
        convert(
            "sources.knative.dev/v1",
            "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\",\"metadata\":{}}");
    assertThat(broker.getResult().getStatus()).isEqualTo("Failure");
    assertThat(broker.getResult().getMessage())
        .isEqualTo("no conversion support for type [kind=Broker group=eventing.knative.dev]");
    assertThat(broker.getConvertedObjects()).isEmpty();
  }

  private ConversionResponse convert(String desired, String objectJson) {
    return conversion.convert(
        new ConversionRequest(desired, List.of(JSON.unmarshal(objectJson, Map.class)), "req-1"));
  }
}
