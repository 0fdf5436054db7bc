package dev.tributary.local.apiserver.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 422 Invalid {@code Status} a rejected write answers with, as apimachinery's {@code
 * NewInvalid} builds it; kubectl prints {@code The PingSource "x" is invalid: ...} from its
 * details.
 */
public final class InvalidStatus {

  private InvalidStatus() {}

  /**
   * The Status message: {@code <Kind>.<group> "<name>" is invalid: <error>} for one distinct error,
   * {@code ...: [<error1>, <error2>]} for several (repeated errors are printed once), and no colon
   * part without errors. The kind has no group suffix for the core group.
   */
  public static String message(String kind, String group, String name, List<FieldCause> causes) {
    String head = qualifiedKind(kind, group) + " " + GoQuote.quote(name) + " is invalid";
    Set<String> errors = new LinkedHashSet<>();
    causes.forEach(c -> errors.add(c.error()));
    if (errors.isEmpty()) {
      return head;
    }
    if (errors.size() == 1) {
      return head + ": " + errors.iterator().next();
    }
    return head + ": [" + String.join(", ", errors) + "]";
  }

  /**
   * The whole Status object: {@code code} 422, {@code reason} Invalid, the {@link #message} and
   * {@code details} with name, group, kind and every cause (duplicates included, as Kubernetes
   * sends them).
   */
  public static ObjectNode toStatus(
      String kind, String group, String name, List<FieldCause> causes) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode status = json.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.set("metadata", json.objectNode());
    status.put("status", "Failure");
    status.put("message", message(kind, group, name, causes));
    status.put("reason", "Invalid");
    ObjectNode details = status.putObject("details");
    details.put("name", name);
    if (!group.isEmpty()) {
      details.put("group", group);
    }
    details.put("kind", kind);
    ArrayNode list = details.putArray("causes");
    for (FieldCause c : causes) {
      ObjectNode cause = list.addObject();
      cause.put("reason", c.reason());
      cause.put("message", c.message());
      cause.put("field", c.field());
    }
    status.put("code", 422);
    return status;
  }

  private static String qualifiedKind(String kind, String group) {
    return group.isEmpty() ? kind : kind + "." + group;
  }
}
