package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.rbac.AccessReviews;
import dev.tributary.local.apiserver.rbac.InvalidObjectException;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.security.UserInfo;

/**
 * {@code authorization.k8s.io/v1} SubjectAccessReview and SelfSubjectAccessReview: created, never
 * stored, answered with the server's own authorizer ({@code kubectl auth can-i}, the
 * ApiServerSource's permission check). Thread-safe.
 */
public final class AccessReviewEndpoint {

  /** The reviews' API group. */
  public static final String GROUP = "authorization.k8s.io";

  private final AccessReviews reviews;

  public AccessReviewEndpoint(AccessReviews reviews) {
    this.reviews = reviews;
  }

  /** POST of a review by {@code user}: 201 with the review answered. */
  ApiResponse create(ResourceType type, ObjectNode review, UserInfo user) {
    try {
      ObjectNode answered =
          switch (type.kind()) {
            case "SubjectAccessReview" -> reviews.subjectAccessReview(review);
            case "SelfSubjectAccessReview" -> reviews.selfSubjectAccessReview(review, user);
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
