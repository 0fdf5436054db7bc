package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.rbac.AccessReviews;
import dev.tributary.local.apiserver.rbac.InvalidObjectException;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.security.UserInfo;

/**
 * The reviews: created, never stored. {@code authorization.k8s.io/v1} SubjectAccessReview and
 * SelfSubjectAccessReview are answered with the server's own authorizer ({@code kubectl auth
 * can-i}, the ApiServerSource's permission check); {@code authentication.k8s.io/v1}
 * SelfSubjectReview with the caller's identity ({@code kubectl auth whoami}). Thread-safe.
 */
public final class AccessReviewEndpoint {

  /** The access reviews' API group. */
  public static final String GROUP = "authorization.k8s.io";

  /** The group of SelfSubjectReview. */
  public static final String AUTHENTICATION_GROUP = "authentication.k8s.io";

  private final AccessReviews reviews;

  public AccessReviewEndpoint(AccessReviews reviews) {
    this.reviews = reviews;
  }

  /** Whether {@code type} is one of the reviews this endpoint answers. */
  static boolean answers(ResourceType type) {
    return type.group().equals(GROUP) || type.group().equals(AUTHENTICATION_GROUP);
  }

  /** The caller as the authenticator saw it, in a SelfSubjectReview's {@code status.userInfo}. */
  private static ObjectNode selfSubjectReview(UserInfo user) {
    ObjectNode review = Json.NODES.objectNode();
    review.putObject("metadata").put("creationTimestamp", (String) null);
    ObjectNode userInfo = review.putObject("status").putObject("userInfo");
    userInfo.put("username", user.username());
    if (user.uid() != null && !user.uid().isEmpty()) {
      userInfo.put("uid", user.uid());
    }
    user.groups().forEach(userInfo.putArray("groups")::add);
    return review;
  }

  /** POST of a review by {@code user}: 201 with the review answered. */
  ApiResponse create(ResourceType type, ObjectNode review, UserInfo user) {
    try {
      ObjectNode answered =
          switch (type.kind()) {
            case "SubjectAccessReview" -> reviews.subjectAccessReview(review);
            case "SelfSubjectAccessReview" -> reviews.selfSubjectAccessReview(review, user);
            case "SelfSubjectReview" -> selfSubjectReview(user);
            default -> throw ApiErrors.methodNotAllowed();
          };
      answered.put("apiVersion", type.apiVersion());
      answered.put("kind", type.kind());
      return ApiResponse.json(201, answered);
    } catch (InvalidObjectException e) {
      throw ApiException.fromStatus(e.invalid().status());
    }
  }
}
