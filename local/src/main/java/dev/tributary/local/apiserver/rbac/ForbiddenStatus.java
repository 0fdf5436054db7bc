package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;

/**
 * The 403 kube-apiserver answers when authorization denies a request (its {@code
 * responsewriters.Forbidden}): the message forms and the {@code v1 Status} object.
 */
public final class ForbiddenStatus {

  private ForbiddenStatus() {}

  /**
   * Who cannot do what, as kube-apiserver words it:
   *
   * <ul>
   *   <li>{@code User "u" cannot get path "/version"} for a non-resource URL;
   *   <li>{@code User "u" cannot list resource "events" in API group "" in the namespace
   *       "default"};
   *   <li>{@code User "u" cannot get resource "pods/log" in API group "" in the namespace "ns"} for
   *       a subresource;
   *   <li>{@code User "u" cannot list resource "nodes" in API group "" at the cluster scope}.
   * </ul>
   *
   * {@code &}, {@code <} and {@code >} are escaped as HTML entities, as upstream does so the text
   * never reads as markup.
   */
  public static String message(RequestAttributes a) {
    String user = GoQuote.quote(a.user().username());
    String message;
    if (!a.resourceRequest()) {
      message = "User %s cannot %s path %s".formatted(user, a.verb(), GoQuote.quote(a.path()));
    } else {
      String resource =
          a.subresource().isEmpty() ? a.resource() : a.resource() + "/" + a.subresource();
      String what =
          "User %s cannot %s resource %s in API group %s"
              .formatted(user, a.verb(), GoQuote.quote(resource), GoQuote.quote(a.apiGroup()));
      message =
          a.namespace().isEmpty()
              ? what + " at the cluster scope"
              : what + " in the namespace " + GoQuote.quote(a.namespace());
    }
    return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * The {@code message} of the 403 Status: {@code events is forbidden: <reason>}, with the group
   * qualifying the resource ({@code deployments.apps}) and the object's name when the request named
   * one ({@code pods "p" is forbidden: ...}); {@code forbidden: <reason>} for non-resource URLs.
   */
  public static String statusMessage(RequestAttributes a, Decision decision) {
    String qualified = qualifiedResource(a);
    if (qualified.isEmpty()) {
      return "forbidden: " + decision.reason();
    }
    if (a.name().isEmpty()) {
      return qualified + " is forbidden: " + decision.reason();
    }
    return qualified + " " + GoQuote.quote(a.name()) + " is forbidden: " + decision.reason();
  }

  /**
   * The whole {@code v1 Status} body of the 403 for a denied request: {@code reason: Forbidden},
   * {@code code: 403}, and {@code details} naming the group, the resource (as {@code kind}) and the
   * name, each only when non-empty.
   */
  public static ObjectNode status(RequestAttributes a, Decision decision) {
    ObjectNode status = Nodes.FACTORY.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", statusMessage(a, decision));
    status.put("reason", "Forbidden");
    ObjectNode details = status.putObject("details");
    if (!a.name().isEmpty()) {
      details.put("name", a.name());
    }
    if (!a.apiGroup().isEmpty()) {
      details.put("group", a.apiGroup());
    }
    if (!a.resource().isEmpty()) {
      details.put("kind", a.resource());
    }
    status.put("code", 403);
    return status;
  }

  private static String qualifiedResource(RequestAttributes a) {
    if (a.apiGroup().isEmpty()) {
      return a.resource();
    }
    return a.resource() + "." + a.apiGroup();
  }
}
