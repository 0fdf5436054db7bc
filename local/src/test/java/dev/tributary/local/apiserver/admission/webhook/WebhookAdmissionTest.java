package dev.tributary.local.apiserver.admission.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionTestTypes;
import dev.tributary.local.apiserver.errors.ApiException;
import org.junit.jupiter.api.Test;

class WebhookAdmissionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDenialKeepsTheWebhooksCodeAndReasonButNeverASuccessCode() throws Exception {
    ApiException withMessage =
        WebhookAdmission.denial(
            "v.example.com",
            JSON.readTree("{\"code\":409,\"reason\":\"Conflict\",\"message\":\"busy\"}"));
    assertThat(withMessage.code()).isEqualTo(409);
    assertThat(withMessage.reason()).isEqualTo("Conflict");
    assertThat(withMessage.getMessage())
        .isEqualTo("admission webhook \"v.example.com\" denied the request: busy");

    ApiException reasonOnly =
        WebhookAdmission.denial(
            "v.example.com", JSON.readTree("{\"code\":200,\"reason\":\"Nope\"}"));
    assertThat(reasonOnly.code()).isEqualTo(403);
    assertThat(reasonOnly.getMessage())
        .isEqualTo("admission webhook \"v.example.com\" denied the request: Nope");

    ApiException bare = WebhookAdmission.denial("v.example.com", null);
    assertThat(bare.code()).isEqualTo(403);
    assertThat(bare.getMessage())
        .isEqualTo("admission webhook \"v.example.com\" denied the request without explanation");
  }

  @Test
  void answersMustBeV1ReviewsOfTheSameRequest() throws Exception {
    ObjectNode good =
        (ObjectNode)
            JSON.readTree(
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
                    + "\"response\":{\"uid\":\"u1\",\"allowed\":true,\"warnings\":[\"w\"]}}");
    AdmissionReviews.Answer answer = AdmissionReviews.answer("u1", good, true);
    assertThat(answer.allowed()).isTrue();
    assertThat(answer.warnings()).containsExactly("w");

    assertThatThrownBy(() -> AdmissionReviews.answer("u2", good, true))
        .isInstanceOf(WebhookCallException.class)
        .hasMessage("received invalid webhook response: expected response.uid=\"u2\", got \"u1\"");
    ObjectNode patchWithoutType = good.deepCopy();
    ((ObjectNode) patchWithoutType.get("response")).put("patch", "W10=");
    assertThatThrownBy(() -> AdmissionReviews.answer("u1", patchWithoutType, true))
        .hasMessageContaining("response.patch but not response.patchType");
    assertThatThrownBy(() -> AdmissionReviews.answer("u1", patchWithoutType, false))
        .hasMessageContaining("validating webhooks may not return patches");
  }

  @Test
  void theRequestCarriesWhatUpstreamSends() {
    ObjectNode review =
        AdmissionReviews.request(
            "u1",
            AdmissionTestTypes.create(
                AdmissionTestTypes.CONFIG_MAPS, "ns", AdmissionTestTypes.object("cm")));
    ObjectNode request = (ObjectNode) review.get("request");
    assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(request.path("uid").asText()).isEqualTo("u1");
    assertThat(request.path("kind").toString())
        .isEqualTo("{\"group\":\"\",\"version\":\"v1\",\"kind\":\"ConfigMap\"}");
    assertThat(request.path("requestResource").path("resource").asText()).isEqualTo("configmaps");
    assertThat(request.path("name").asText()).isEqualTo("cm");
    assertThat(request.path("namespace").asText()).isEqualTo("ns");
    assertThat(request.path("operation").asText()).isEqualTo("CREATE");
    assertThat(request.has("oldObject")).isFalse();
    assertThat(request.has("subResource")).isFalse();
    assertThat(request.path("options").path("kind").asText()).isEqualTo("CreateOptions");
    assertThat(request.path("dryRun").isBoolean()).isTrue();
  }
}
