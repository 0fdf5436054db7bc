package dev.tributary.webhook;

import dev.tributary.api.validation.FieldError;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers an admission step gives when it refuses a request, rendered once here.
 *
 * <ul>
 *   <li>{@link #badRequest}: knative.dev/pkg's {@code MakeErrorStatus}, a 400 {@code BadRequest}
 *       Status with the message only (e.g. {@code mutation failed: ...}).
 *   <li>{@link #invalid}: a validation failure. The message is upstream's byte for byte ({@code
 *       validation failed: } followed by the aggregated {@code FieldError} text, every error with
 *       its paths), and so are the code and reason (400 {@code BadRequest}). Beyond upstream, the
 *       Status also carries one {@code details.causes} entry per field path, as the Kubernetes API
 *       server reports its own validation errors, so API clients can point at each field.
 * </ul>
 *
 * <p>Why not 422 {@code Invalid}: kubectl prints an {@code Invalid} error from its causes alone
 * ({@code The PingSource "x" is invalid: ...}), which would replace Knative's message users know
 * ({@code Error from server (BadRequest): ... admission webhook "..." denied the request:
 * validation failed: ...}).
 */
public final class AdmissionStatuses {

  private AdmissionStatuses() {}

  /** A denial with a 400 BadRequest Status carrying {@code message}. */
  public static AdmissionResponse badRequest(String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withMessage(message)
            .withReason("BadRequest")
            .withCode(400)
            .build();
    return new AdmissionResponseBuilder().withAllowed(false).withStatus(status).build();
  }

  /**
   * A denial naming every error of {@code errors} (which must not be empty).
   *
   * @param group the object's API group, for {@code details.group}
   * @param kind the object's kind, for {@code details.kind}
   * @param name the object's name (may be empty on create with generateName)
   */
  public static AdmissionResponse invalid(
      FieldError errors, String group, String kind, String name) {
    List<StatusCause> causes = new ArrayList<>();
    for (FieldError.Leaf leaf : errors.errors()) {
      String message =
          leaf.details().isEmpty() ? leaf.message() : leaf.message() + ": " + leaf.details();
      for (String path : leaf.paths()) {
        causes.add(
            new StatusCauseBuilder()
                .withReason(causeType(leaf.message()))
                .withMessage(message)
                .withField(path)
                .build());
      }
    }
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withMessage("validation failed: " + errors.message())
            .withReason("BadRequest")
            .withCode(400)
            .withNewDetails()
            .withGroup(group)
            .withKind(kind)
            .withName(name == null || name.isEmpty() ? null : name)
            .withCauses(causes)
            .endDetails()
            .build();
    return new AdmissionResponseBuilder().withAllowed(false).withStatus(status).build();
  }

  /** The Kubernetes {@code CauseType} closest to a knative.dev/pkg message. */
  private static String causeType(String message) {
    return switch (message) {
      case "missing field(s)" -> "FieldValueRequired";
      case "must not set the field(s)" -> "FieldValueForbidden";
      default -> "FieldValueInvalid";
    };
  }
}
