package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.validation.GoQuote;
import dev.tributary.local.security.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code authorization.k8s.io/v1} SubjectAccessReview and SelfSubjectAccessReview with an
 * {@link Authorizer}, as kube-apiserver's registry does: the review comes back as sent, with {@code
 * status.allowed} and (when the authorizer gave one) {@code status.reason} filled in. RBAC never
 * denies outright, so {@code status.denied} stays absent, as it does upstream.
 *
 * <p>Whether the caller may create the review at all is the server's ordinary authorization of
 * {@code create subjectaccessreviews} / {@code create selfsubjectaccessreviews} (every
 * authenticated user may do the latter, through {@code system:basic-user}); for a
 * SelfSubjectAccessReview the requester is the effective user after {@link Impersonation} — which
 * is how {@code kubectl auth can-i ... --as=system:serviceaccount:default:events-sa} asks about a
 * ServiceAccount. Field and label selectors in {@code resourceAttributes} are returned as sent and
 * play no part, since RBAC does not look at them.
 *
 * <p>Thread-safe when its authorizer is. Never modifies the review it is given.
 */
public final class AccessReviews {

  private static final String GROUP = "authorization.k8s.io";

  private final Authorizer authorizer;

  public AccessReviews(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /**
   * The SubjectAccessReview {@code review} answered for the identity in its spec ({@code user},
   * {@code groups}, {@code uid}).
   *
   * @throws InvalidObjectException (422) when the spec has both or neither of {@code
   *     resourceAttributes} and {@code nonResourceAttributes}, names neither user nor group, or the
   *     review carries metadata
   */
  public ObjectNode subjectAccessReview(ObjectNode review) {
    JsonNode spec = Nodes.object(review, "spec");
    List<FieldCause> causes = new ArrayList<>(validateSpec(spec));
    String user = Nodes.text(spec, "user");
    if (user.isEmpty() && Nodes.strings(spec, "groups").isEmpty()) {
      causes.add(
          FieldCause.invalid("spec.user", user, "at least one of user or group must be specified"));
    }
    validateMetadata(review, causes);
    if (!causes.isEmpty()) {
      throw invalid(review, "SubjectAccessReview", causes);
    }
    UserInfo subject = new UserInfo(user, Nodes.text(spec, "uid"), Nodes.strings(spec, "groups"));
    return answered(review, "SubjectAccessReview", attributes(subject, spec));
  }

  /**
   * The SelfSubjectAccessReview {@code review} answered for {@code requester}, the (possibly
   * impersonated) identity that sent it.
   *
   * @throws InvalidObjectException (422) when the spec has both or neither of {@code
   *     resourceAttributes} and {@code nonResourceAttributes}, or the review carries metadata
   */
  public ObjectNode selfSubjectAccessReview(ObjectNode review, UserInfo requester) {
    JsonNode spec = Nodes.object(review, "spec");
    List<FieldCause> causes = new ArrayList<>(validateSpec(spec));
    validateMetadata(review, causes);
    if (!causes.isEmpty()) {
      throw invalid(review, "SelfSubjectAccessReview", causes);
    }
    return answered(review, "SelfSubjectAccessReview", attributes(requester, spec));
  }

  private ObjectNode answered(ObjectNode review, String kind, RequestAttributes attributes) {
    Decision decision = authorizer.authorize(attributes);
    ObjectNode out = review.deepCopy();
    if (Nodes.text(out, "apiVersion").isEmpty()) {
      out.put("apiVersion", GROUP + "/v1");
    }
    if (Nodes.text(out, "kind").isEmpty()) {
      out.put("kind", kind);
    }
    ObjectNode metadata = Nodes.object(out, "metadata");
    if (metadata == null || metadata.isEmpty()) {
      out.putObject("metadata").putNull("creationTimestamp");
    }
    ObjectNode status = out.putObject("status");
    status.put("allowed", decision.allowed());
    if (!decision.authorizerReason().isEmpty()) {
      status.put("reason", decision.authorizerReason());
    }
    return out;
  }

  /** What a review's spec asks about, for {@code user}; the spec must have passed validation. */
  static RequestAttributes attributes(UserInfo user, JsonNode spec) {
    JsonNode resource = Nodes.object(spec, "resourceAttributes");
    if (resource != null) {
      return RequestAttributes.resource(
          user,
          Nodes.text(resource, "verb"),
          Nodes.text(resource, "group"),
          Nodes.text(resource, "resource"),
          Nodes.text(resource, "subresource"),
          Nodes.text(resource, "namespace"),
          Nodes.text(resource, "name"));
    }
    JsonNode nonResource = Nodes.object(spec, "nonResourceAttributes");
    return RequestAttributes.nonResource(
        user, Nodes.text(nonResource, "verb"), Nodes.text(nonResource, "path"));
  }

  private static List<FieldCause> validateSpec(JsonNode spec) {
    List<FieldCause> causes = new ArrayList<>();
    JsonNode resource = Nodes.object(spec, "resourceAttributes");
    JsonNode nonResource = Nodes.object(spec, "nonResourceAttributes");
    if (resource != null && nonResource != null) {
      causes.add(
          FieldCause.invalidRendered(
              "spec.nonResourceAttributes",
              "authorization.NonResourceAttributes{Path:%s, Verb:%s}"
                  .formatted(
                      GoQuote.quote(Nodes.text(nonResource, "path")),
                      GoQuote.quote(Nodes.text(nonResource, "verb"))),
              "cannot be specified in combination with resourceAttributes"));
    }
    if (resource == null && nonResource == null) {
      causes.add(
          FieldCause.invalid(
              "spec.resourceAttributes",
              "null",
              "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
    }
    return causes;
  }

  /**
   * Upstream requires a review's metadata to be empty (managedFields aside); a null {@code
   * creationTimestamp}, which clients send, counts as empty.
   */
  private static void validateMetadata(ObjectNode review, List<FieldCause> causes) {
    ObjectNode metadata = Nodes.object(review, "metadata");
    if (metadata == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      JsonNode value = field.getValue();
      boolean empty =
          value.isNull()
              || (value.isTextual() && value.textValue().isEmpty())
              || (value.isContainerNode() && value.isEmpty());
      if (!field.getKey().equals("managedFields") && !empty) {
        causes.add(FieldCause.invalidRendered("metadata", metadata.toString(), "must be empty"));
        return;
      }
    }
  }

  private static InvalidObjectException invalid(
      ObjectNode review, String kind, List<FieldCause> causes) {
    String sent = Nodes.text(review, "kind");
    return new InvalidObjectException(
        new InvalidObject(GROUP, sent.isEmpty() ? kind : sent, "", causes));
  }
}
