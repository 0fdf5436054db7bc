package dev.tributary.local.apiserver.errors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders {@code meta/v1 Status} objects, the body of every failure answer. Stateless. */
public final class StatusObjects {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StatusObjects() {}

  /** The failure Status for {@code error}. */
  public static ObjectNode failure(ApiException error) {
    ObjectNode status = base("Failure");
    status.put("message", error.getMessage());
    if (!error.reason().isEmpty()) {
      status.put("reason", error.reason());
    }
    ApiException.Details details = error.details();
    if (!details.isEmpty()) {
      ObjectNode node = status.putObject("details");
      if (!details.name().isEmpty()) {
        node.put("name", details.name());
      }
      if (!details.group().isEmpty()) {
        node.put("group", details.group());
      }
      if (!details.kind().isEmpty()) {
        node.put("kind", details.kind());
      }
      if (!details.causes().isEmpty()) {
        ArrayNode causes = node.putArray("causes");
        for (FieldCause cause : details.causes()) {
          causes
              .addObject()
              .put("reason", cause.reason())
              .put("message", cause.message())
              .put("field", cause.field());
        }
      }
    }
    status.put("code", error.code());
    return status;
  }

  /**
   * A success Status, as a DELETE of a collection or of an object some resources answer with.
   *
   * @param details e.g. {@code {"name":..., "kind":...}}, or null for none
   */
  public static ObjectNode success(ObjectNode details) {
    ObjectNode status = base("Success");
    if (details != null) {
      status.set("details", details);
    }
    return status;
  }

  private static ObjectNode base(String outcome) {
    ObjectNode status = NODES.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", outcome);
    return status;
  }
}
