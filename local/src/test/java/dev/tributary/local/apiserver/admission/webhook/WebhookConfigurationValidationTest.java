package dev.tributary.local.apiserver.admission.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionTestTypes;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookConfigurationValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebhookConfigurationValidation validation = new WebhookConfigurationValidation();

  private List<String> errors(String webhooks) throws Exception {
    ObjectNode configuration =
        (ObjectNode) JSON.readTree("{\"metadata\":{\"name\":\"c\"},\"webhooks\":" + webhooks + "}");
    return validation.validate(AdmissionTestTypes.VALIDATING_CONFIGS, configuration, null).stream()
        .map(FieldCause::text)
        .toList();
  }

  private static final String GOOD =
      "{\"name\":\"a.example.com\",\"sideEffects\":\"None\",\"admissionReviewVersions\":[\"v1\"],"
          + "\"clientConfig\":{\"url\":\"https://127.0.0.1:8443/check\"}}";

  @Test
  void aCompleteWebhookIsValid() throws Exception {
    assertThat(errors("[" + GOOD + "]")).isEmpty();
  }

  @Test
  void namesMustBeFullyQualifiedAndUnique() throws Exception {
    assertThat(errors("[" + GOOD.replace("a.example.com", "example.com") + "]"))
        .containsExactly(
            "webhooks[0].name: Invalid value: \"example.com\": should be a domain with at least"
                + " three segments separated by dots");
    assertThat(errors("[" + GOOD + "," + GOOD + "]"))
        .containsExactly("webhooks[1].name: Duplicate value: \"a.example.com\"");
  }

  @Test
  void requiredFieldsAndClientConfig() throws Exception {
    assertThat(errors("[{\"name\":\"a.example.com\",\"clientConfig\":{}}]"))
        .containsExactly(
            "webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1",
            "webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun",
            "webhooks[0].clientConfig: Required value: exactly one of url or service is required");
    assertThat(
            errors(
                "["
                    + GOOD.replace(
                        "{\"url\":\"https://127.0.0.1:8443/check\"}",
                        "{\"service\":{\"name\":\"\",\"namespace\":\"ns\",\"path\":\"x\",\"port\":0}}")
                    + "]"))
        .containsExactly(
            "webhooks[0].clientConfig.service.name: Required value: service name is required",
            "webhooks[0].clientConfig.service.path: Invalid value: \"x\": must start with a '/'",
            "webhooks[0].clientConfig.service.port: Invalid value: 0: port is not valid: must be"
                + " between 1 and 65535, inclusive");
  }

  @Test
  void policiesAndTimeouts() throws Exception {
    assertThat(
            errors(
                "["
                    + GOOD.replace(
                        "\"sideEffects\":\"None\"",
                        "\"sideEffects\":\"Unknown\",\"failurePolicy\":\"Maybe\","
                            + "\"timeoutSeconds\":31")
                    + "]"))
        .containsExactly(
            "webhooks[0].sideEffects: Unsupported value: \"Unknown\": supported values: \"None\","
                + " \"NoneOnDryRun\"",
            "webhooks[0].failurePolicy: Unsupported value: \"Maybe\": supported values: \"Fail\","
                + " \"Ignore\"",
            "webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1"
                + " and 30 seconds");
  }
}
