package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An object the server rejects with 422 Invalid, and how kube-apiserver's {@code NewInvalid}
 * renders that.
 *
 * @param group the API group of the object's kind, "" for the core group
 * @param kind e.g. {@code ClusterRoleBinding}
 * @param name the object's name ("" for access reviews)
 * @param causes the field errors, in the order validation found them; never empty
 */
public record InvalidObject(String group, String kind, String name, List<FieldCause> causes) {

  public InvalidObject {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    causes = List.copyOf(causes);
    if (causes.isEmpty()) {
      throw new IllegalArgumentException("an invalid object has at least one cause");
    }
  }

  /** The rejection of {@code object}, whose group, kind and name it reads. */
  public static InvalidObject of(ObjectNode object, List<FieldCause> causes) {
    String apiVersion = Nodes.text(object, "apiVersion");
    int slash = apiVersion.indexOf('/');
    return new InvalidObject(
        slash < 0 ? "" : apiVersion.substring(0, slash),
        Nodes.text(object, "kind"),
        Nodes.name(object),
        causes);
  }

  /**
   * The Status message: {@code ClusterRoleBinding.rbac.authorization.k8s.io "x" is invalid:
   * subjects[0].namespace: Required value}; several distinct errors are joined in brackets: {@code
   * ... is invalid: [a: Required value, b: Invalid value: ...]}.
   */
  public String message() {
    List<String> errors =
        List.copyOf(new LinkedHashSet<>(causes.stream().map(FieldCause::error).toList()));
    String all = errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    return qualifiedKind + " " + GoQuote.quote(name) + " is invalid: " + all;
  }

  /** The whole {@code v1 Status} body of the 422, with {@code details.causes}. */
  public ObjectNode status() {
    ObjectNode status = Nodes.FACTORY.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message());
    status.put("reason", "Invalid");
    ObjectNode details = status.putObject("details");
    if (!name.isEmpty()) {
      details.put("name", name);
    }
    if (!group.isEmpty()) {
      details.put("group", group);
    }
    if (!kind.isEmpty()) {
      details.put("kind", kind);
    }
    ArrayNode array = details.putArray("causes");
    for (FieldCause cause : causes) {
      array
          .addObject()
          .put("reason", cause.reason())
          .put("message", cause.message())
          .put("field", cause.field());
    }
    status.put("code", 422);
    return status;
  }
}
