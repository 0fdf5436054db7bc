package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error is a v1 Status with Kubernetes' code, reason, message and details. */
public abstract class ErrorStatusContract extends ApiServerContract {

  private static final String DNS_SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
          + " used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  private static JsonNode status(HttpResponse<String> response, int code) throws Exception {
    assertThat(response.code()).as(response.body()).isEqualTo(code);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode status = json(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("code").asInt()).isEqualTo(code);
    return status;
  }

  @Test
  void aMissingObjectIs404NotFound() throws Exception {
    JsonNode status =
        status(
            raw("GET", "/api/v1/namespaces/" + ns + "/configmaps/absent", null, null, null), 404);

    assertThat(status.path("reason").asText()).isEqualTo("NotFound");
    assertThat(status.path("message").asText()).isEqualTo("configmaps \"absent\" not found");
    assertThat(status.path("details").path("name").asText()).isEqualTo("absent");
    assertThat(status.path("details").path("kind").asText()).isEqualTo("configmaps");
    assertThat(status.path("details").has("group")).isFalse();
  }

  @Test
  void aMissingObjectOfANamedGroupNamesTheGroup() throws Exception {
    JsonNode status =
        status(
            raw("GET", "/apis/apps/v1/namespaces/" + ns + "/deployments/absent", null, null, null),
            404);

    assertThat(status.path("message").asText()).isEqualTo("deployments.apps \"absent\" not found");
    assertThat(status.path("details").path("group").asText()).isEqualTo("apps");
    assertThat(status.path("details").path("kind").asText()).isEqualTo("deployments");
  }

  @Test
  void anUnknownResourceIs404WithTheGenericMessage() throws Exception {
    JsonNode status =
        status(raw("GET", "/api/v1/namespaces/" + ns + "/gadgets", null, null, null), 404);

    assertThat(status.path("reason").asText()).isEqualTo("NotFound");
    assertThat(status.path("message").asText())
        .isEqualTo("the server could not find the requested resource");
  }

  @Test
  void creatingInAMissingNamespaceIs404ForTheNamespace() {
    KubernetesClientException error =
        failure(
            () ->
                admin
                    .configMaps()
                    .inNamespace("compat-missing")
                    .resource(configMap("orphan", Map.of(), Map.of()))
                    .create());

    assertThat(error.getCode()).isEqualTo(404);
    assertThat(error.getStatus().getReason()).isEqualTo("NotFound");
    assertThat(error.getStatus().getMessage()).isEqualTo("namespaces \"compat-missing\" not found");
    assertThat(error.getStatus().getDetails().getKind()).isEqualTo("namespaces");
  }

  @Test
  void aDuplicateIs409AlreadyExists() {
    createConfigMap("dup", Map.of());

    Status status = failure(() -> createConfigMap("dup", Map.of())).getStatus();

    assertThat(status.getCode()).isEqualTo(409);
    assertThat(status.getReason()).isEqualTo("AlreadyExists");
    assertThat(status.getMessage()).isEqualTo("configmaps \"dup\" already exists");
    assertThat(status.getDetails().getName()).isEqualTo("dup");
    assertThat(status.getDetails().getKind()).isEqualTo("configmaps");
  }

  @Test
  void anInvalidNameIs422WithItsCause() {
    Status status = failure(() -> createConfigMap("Bad_Name", Map.of())).getStatus();

    assertThat(status.getCode()).isEqualTo(422);
    assertThat(status.getReason()).isEqualTo("Invalid");
    assertThat(status.getMessage())
        .isEqualTo(
            "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": "
                + DNS_SUBDOMAIN_MESSAGE);
    assertThat(status.getDetails().getName()).isEqualTo("Bad_Name");
    assertThat(status.getDetails().getKind()).isEqualTo("ConfigMap");
    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField, StatusCause::getMessage)
        .containsExactly(
            tuple(
                "FieldValueInvalid",
                "metadata.name",
                "Invalid value: \"Bad_Name\": " + DNS_SUBDOMAIN_MESSAGE));
  }

  @Test
  void aDeploymentWithoutSelectorIs422Required() {
    Deployment deployment = CrudContract.deployment("no-selector", 1);
    deployment.getSpec().setSelector(null);

    Status status =
        failure(() -> admin.apps().deployments().inNamespace(ns).resource(deployment).create())
            .getStatus();

    assertThat(status.getCode()).isEqualTo(422);
    assertThat(status.getReason()).isEqualTo("Invalid");
    assertThat(status.getDetails().getGroup()).isEqualTo("apps");
    assertThat(status.getDetails().getKind()).isEqualTo("Deployment");
    assertThat(status.getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField)
        .contains(tuple("FieldValueRequired", "spec.selector"));
  }

  @Test
  void malformedJsonIs400BadRequest() throws Exception {
    JsonNode status =
        status(
            raw(
                "POST",
                "/api/v1/namespaces/" + ns + "/configmaps",
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":",
                null),
            400);

    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
  }

  @Test
  void aBodyForAnotherNamespaceIs400BadRequest() throws Exception {
    JsonNode status =
        status(
            raw(
                "POST",
                "/api/v1/namespaces/" + ns + "/configmaps",
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                    + "\"metadata\":{\"name\":\"elsewhere\",\"namespace\":\"default\"}}",
                null),
            400);

    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "the namespace of the provided object does not match the namespace sent on the"
                + " request");
  }

  @Test
  void aVerbTheResourceDoesNotServeIs405MethodNotAllowed() throws Exception {
    createConfigMap("target", Map.of());

    JsonNode status =
        status(
            raw(
                "POST",
                "/api/v1/namespaces/" + ns + "/configmaps/target",
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"target\"}}",
                null),
            405);

    assertThat(status.path("reason").asText()).isEqualTo("MethodNotAllowed");
    assertThat(status.path("message").asText())
        .isEqualTo("the server does not allow this method on the requested resource");
  }

  @Test
  void anUnsupportedContentTypeIs415() throws Exception {
    JsonNode status =
        status(
            raw("POST", "/api/v1/namespaces/" + ns + "/configmaps", "text/plain", "hello", null),
            415);

    assertThat(status.path("reason").asText()).isEqualTo("UnsupportedMediaType");
  }
}
