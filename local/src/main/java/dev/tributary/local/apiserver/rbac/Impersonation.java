package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Impersonation ({@code kubectl --as=... --as-group=...}): the identity a request acts as when it
 * carries {@code Impersonate-User}, {@code Impersonate-Group}, {@code Impersonate-Uid} or {@code
 * Impersonate-Extra-*} headers, granted only if the authenticated requester may {@code impersonate}
 * each of them — as kube-apiserver's impersonation filter does.
 *
 * <p>How the server applies it: authenticate the bearer token first (401 if nobody); then call
 * {@link #resolve}; on {@link Outcome.Forbidden} answer 403 with {@link
 * Outcome.Forbidden#status()}; on {@link Outcome.Malformed} answer 500 as upstream does; on {@link
 * Outcome.Impersonating} use its user <em>instead of</em> the authenticated one for everything that
 * follows — authorizing the request itself, a SelfSubjectAccessReview's subject, recorded
 * identities. The admin ({@code system:masters}) may impersonate anyone; others need RBAC rules
 * with verb {@code impersonate} on {@code users}, {@code groups}, {@code serviceaccounts} (in the
 * ServiceAccount's namespace, by name) or, in group {@code authentication.k8s.io}, {@code
 * userextras/<key>} and {@code uids}.
 *
 * <p>An impersonated ServiceAccount ({@code system:serviceaccount:NS:NAME}) without explicit groups
 * gets its fixed groups ({@code system:serviceaccounts}, {@code system:serviceaccounts:NS}); every
 * impersonated user other than {@code system:anonymous} is also in {@code system:authenticated}
 * unless the groups given include it or {@code system:unauthenticated}. Extra values are authorized
 * but not carried, since {@link UserInfo} has no extras.
 */
public final class Impersonation {

  public static final String USER_HEADER = "Impersonate-User";
  public static final String GROUP_HEADER = "Impersonate-Group";
  public static final String UID_HEADER = "Impersonate-Uid";
  public static final String EXTRA_HEADER_PREFIX = "Impersonate-Extra-";

  private static final String AUTHENTICATION_GROUP = "authentication.k8s.io";
  private static final String ANONYMOUS = "system:anonymous";
  private static final String UNAUTHENTICATED_GROUP = "system:unauthenticated";

  private Impersonation() {}

  /** What {@link #resolve} decided. */
  public sealed interface Outcome {

    /** No impersonation header: the request acts as its authenticated user. */
    record NotRequested() implements Outcome {}

    /** The request acts as {@code user}. */
    record Impersonating(UserInfo user) implements Outcome {}

    /** The requester may not impersonate what {@code attributes} describe; answer 403. */
    record Forbidden(RequestAttributes attributes, Decision decision) implements Outcome {

      /**
       * The 403 Status body, e.g. {@code serviceaccounts "x" is forbidden: User "u" cannot ...}.
       */
      public ObjectNode status() {
        return ForbiddenStatus.status(attributes, decision);
      }
    }

    /**
     * Groups, extras or a uid without a user to impersonate; upstream answers 500 with a plain-text
     * body naming this message.
     */
    record Malformed(String message) implements Outcome {}
  }

  /**
   * The identity a request acts as.
   *
   * @param requester the authenticated identity
   * @param headers the request's headers; names are matched case-insensitively, and each list holds
   *     one header line's value per entry
   * @param authorizer decides each {@code impersonate} check
   */
  public static Outcome resolve(
      UserInfo requester, Map<String, List<String>> headers, Authorizer authorizer) {
    Objects.requireNonNull(requester, "requester");
    String requestedUser = first(headers, USER_HEADER);
    List<String> requestedGroups = all(headers, GROUP_HEADER);
    String requestedUid = first(headers, UID_HEADER);
    List<String[]> extras = extras(headers);
    if (requestedUser.isEmpty()) {
      if (!requestedGroups.isEmpty() || !extras.isEmpty() || !requestedUid.isEmpty()) {
        return new Outcome.Malformed(
            "requested impersonation of groups, extras or a uid without impersonating a user");
      }
      return new Outcome.NotRequested();
    }

    List<RequestAttributes> checks = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    String[] serviceAccount = splitServiceAccount(requestedUser);
    if (serviceAccount != null) {
      checks.add(
          impersonate(requester, "", "serviceaccounts", "", serviceAccount[0], serviceAccount[1]));
      if (requestedGroups.isEmpty()) {
        groups.add("system:serviceaccounts");
        groups.add("system:serviceaccounts:" + serviceAccount[0]);
      }
    } else {
      checks.add(impersonate(requester, "", "users", "", "", requestedUser));
    }
    for (String group : requestedGroups) {
      checks.add(impersonate(requester, "", "groups", "", "", group));
      groups.add(group);
    }
    for (String[] extra : extras) {
      checks.add(
          impersonate(requester, AUTHENTICATION_GROUP, "userextras", extra[0], "", extra[1]));
    }
    if (!requestedUid.isEmpty()) {
      checks.add(impersonate(requester, AUTHENTICATION_GROUP, "uids", "", "", requestedUid));
    }
    for (RequestAttributes check : checks) {
      Decision decision = authorizer.authorize(check);
      if (!decision.allowed()) {
        return new Outcome.Forbidden(check, decision);
      }
    }

    if (!requestedUser.equals(ANONYMOUS)) {
      if (!groups.contains(UserInfo.AUTHENTICATED_GROUP)
          && !groups.contains(UNAUTHENTICATED_GROUP)) {
        groups.add(UserInfo.AUTHENTICATED_GROUP);
      }
    } else if (!groups.contains(UNAUTHENTICATED_GROUP)) {
      groups.add(UNAUTHENTICATED_GROUP);
    }
    return new Outcome.Impersonating(new UserInfo(requestedUser, requestedUid, groups));
  }

  private static RequestAttributes impersonate(
      UserInfo requester,
      String group,
      String resource,
      String subresource,
      String namespace,
      String name) {
    return RequestAttributes.resource(
        requester, "impersonate", group, resource, subresource, namespace, name);
  }

  /** {@code [namespace, name]} of a well-formed ServiceAccount username, else null. */
  private static String[] splitServiceAccount(String username) {
    if (!username.startsWith(UserInfo.SERVICE_ACCOUNT_PREFIX)) {
      return null;
    }
    String[] parts = username.substring(UserInfo.SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
    if (parts.length != 2
        || !DnsNames.isLabel(parts[0])
        || !DnsNames.subdomainErrors(parts[1]).isEmpty()) {
      return null;
    }
    return parts;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = all(headers, name);
    return values.isEmpty() ? "" : values.get(0);
  }

  private static List<String> all(Map<String, List<String>> headers, String name) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (key, list) -> {
          if (key.equalsIgnoreCase(name) && list != null) {
            values.addAll(list);
          }
        });
    return values;
  }

  /** {@code [key, value]} pairs of the extra headers; keys lower-cased and percent-decoded. */
  private static List<String[]> extras(Map<String, List<String>> headers) {
    List<String[]> extras = new ArrayList<>();
    headers.entrySet().stream()
        .filter(
            e ->
                e.getKey()
                    .regionMatches(true, 0, EXTRA_HEADER_PREFIX, 0, EXTRA_HEADER_PREFIX.length()))
        .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
        .forEach(
            e -> {
              String key =
                  pathUnescape(
                      e.getKey().substring(EXTRA_HEADER_PREFIX.length()).toLowerCase(Locale.ROOT));
              if (e.getValue() != null) {
                e.getValue().forEach(value -> extras.add(new String[] {key, value}));
              }
            });
    return extras;
  }

  /** Go's {@code url.PathUnescape}, keeping the key as sent when it is malformed. */
  private static String pathUnescape(String key) {
    try {
      return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return key;
    }
  }
}
