package dev.tributary.local.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a write's admission needs to know about the request beyond the object: who made it, its
 * options, and where warnings go.
 *
 * @param user the requesting user (after impersonation)
 * @param options the request's {@code CreateOptions}/{@code UpdateOptions}/{@code PatchOptions}/
 *     {@code DeleteOptions} as webhooks get them, or null to derive them from the operation
 * @param warnings collects warnings for the response
 * @param userAgent the request's {@code User-Agent} ({@code ""} if none), which names the field
 *     manager of a write that does not name one
 */
public record AdmissionContext(
    UserInfo user, ObjectNode options, Warnings warnings, String userAgent) {

  /** The identity kube-apiserver's own loopback writes use. */
  public static final UserInfo SERVER_USER =
      new UserInfo("system:apiserver", "", List.of("system:masters", UserInfo.AUTHENTICATED_GROUP));

  public AdmissionContext {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(warnings, "warnings");
    userAgent = userAgent == null ? "" : userAgent;
  }

  /** A context without a User-Agent. */
  public AdmissionContext(UserInfo user, ObjectNode options, Warnings warnings) {
    this(user, options, warnings, "");
  }

  /** The server's own writes: {@link #SERVER_USER}, derived options, warnings dropped. */
  public static AdmissionContext internal() {
    return new AdmissionContext(SERVER_USER, null, Warnings.discard(), "kube-apiserver");
  }
}
