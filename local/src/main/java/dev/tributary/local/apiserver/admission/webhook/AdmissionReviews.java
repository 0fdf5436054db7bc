package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** {@code admission.k8s.io/v1} AdmissionReview requests and responses, as JSON trees. */
final class AdmissionReviews {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AdmissionReviews() {}

  /**
   * A webhook's answer, verified.
   *
   * @param allowed whether the request may go on
   * @param status {@code response.status} (for a denial), or null
   * @param patch the decoded JSON patch, or null
   * @param warnings the warnings to pass on
   */
  record Answer(boolean allowed, JsonNode status, JsonNode patch, List<String> warnings) {}

  /** The review sent for {@code attributes}, with request uid {@code uid}. */
  static ObjectNode request(String uid, AdmissionAttributes attributes) {
    ObjectNode review = NODES.objectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", uid);
    ObjectNode kind = NODES.objectNode();
    kind.put("group", attributes.type().group());
    kind.put("version", attributes.type().version());
    kind.put("kind", attributes.type().kind());
    ObjectNode resource = NODES.objectNode();
    resource.put("group", attributes.type().group());
    resource.put("version", attributes.type().version());
    resource.put("resource", attributes.type().plural());
    request.set("kind", kind);
    request.set("resource", resource);
    if (!attributes.subresource().isEmpty()) {
      request.put("subResource", attributes.subresource());
    }
    // Objects go out in the version the client used, so the request's and the webhook's coincide.
    request.set("requestKind", kind.deepCopy());
    request.set("requestResource", resource.deepCopy());
    if (!attributes.subresource().isEmpty()) {
      request.put("requestSubResource", attributes.subresource());
    }
    if (!attributes.name().isEmpty()) {
      request.put("name", attributes.name());
    }
    if (!attributes.namespace().isEmpty()) {
      request.put("namespace", attributes.namespace());
    }
    request.put("operation", attributes.operation().name());
    ObjectNode user = request.putObject("userInfo");
    user.put("username", attributes.userInfo().username());
    if (!attributes.userInfo().uid().isEmpty()) {
      user.put("uid", attributes.userInfo().uid());
    }
    if (!attributes.userInfo().groups().isEmpty()) {
      ArrayNode groups = user.putArray("groups");
      attributes.userInfo().groups().forEach(groups::add);
    }
    if (attributes.object() != null) {
      request.set("object", attributes.object());
    }
    if (attributes.oldObject() != null) {
      request.set("oldObject", attributes.oldObject());
    }
    request.put("dryRun", attributes.dryRun());
    request.set("options", attributes.options());
    return review;
  }

  /**
   * Reads and verifies a response review.
   *
   * @throws WebhookCallException if it is not a v1 AdmissionReview answering {@code uid}
   */
  static Answer answer(String uid, JsonNode review, boolean mutating) throws WebhookCallException {
    if (!review.path("apiVersion").asText("").equals("admission.k8s.io/v1")
        || !review.path("kind").asText("").equals("AdmissionReview")) {
      throw new WebhookCallException(
          "received invalid webhook response: expected webhook response of"
              + " admission.k8s.io/v1, Kind=AdmissionReview, got "
              + review.path("apiVersion").asText("")
              + ", Kind="
              + review.path("kind").asText(""));
    }
    JsonNode response = review.get("response");
    if (response == null || !response.isObject()) {
      throw new WebhookCallException(
          "received invalid webhook response: webhook response was absent");
    }
    String answered = response.path("uid").asText("");
    if (!answered.equals(uid)) {
      throw new WebhookCallException(
          "received invalid webhook response: expected response.uid=\""
              + uid
              + "\", got \""
              + answered
              + "\"");
    }
    boolean allowed = response.path("allowed").asBoolean(false);
    JsonNode patch = null;
    String patchText = response.path("patch").asText("");
    if (!patchText.isEmpty()) {
      if (!mutating) {
        throw new WebhookCallException(
            "received invalid webhook response: validating webhooks may not return patches");
      }
      String patchType = response.path("patchType").asText("");
      if (!patchType.equals("JSONPatch")) {
        throw new WebhookCallException(
            patchType.isEmpty()
                ? "received invalid webhook response: webhook returned response.patch but not"
                    + " response.patchType"
                : "received invalid webhook response: webhook returned invalid"
                    + " response.patchType of \""
                    + patchType
                    + "\"");
      }
      try {
        patch =
            dev.tributary.local.apiserver.http.Json.parse(Base64.getDecoder().decode(patchText));
      } catch (RuntimeException e) {
        throw new WebhookCallException(
            "received invalid webhook response: response.patch is not base64 JSON: "
                + e.getMessage());
      }
    }
    List<String> warnings = new ArrayList<>();
    response.path("warnings").forEach(w -> warnings.add(w.asText()));
    return new Answer(allowed, response.get("status"), patch, warnings);
  }
}
