package dev.tributary.local.security;

import java.util.List;
import java.util.Objects;

/**
 * Who made a request, as authentication established it; what RBAC and access reviews evaluate.
 *
 * @param username e.g. {@code kubernetes-admin} or {@code system:serviceaccount:default:events-sa}
 * @param uid the identity's uid (a ServiceAccount's {@code metadata.uid}); empty when it has none
 * @param groups the groups the identity belongs to, {@code system:authenticated} included
 */
public record UserInfo(String username, String uid, List<String> groups) {

  /** The prefix of every ServiceAccount username. */
  public static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  /** Every authenticated identity is in this group. */
  public static final String AUTHENTICATED_GROUP = "system:authenticated";

  /** The group whose members RBAC lets do everything (bound to cluster-admin). */
  public static final String MASTERS_GROUP = "system:masters";

  public UserInfo {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(uid, "uid");
    groups = List.copyOf(groups);
  }

  /**
   * The identity of ServiceAccount {@code namespace/name}, as Kubernetes names it: user {@code
   * system:serviceaccount:NS:NAME} in groups {@code system:serviceaccounts}, {@code
   * system:serviceaccounts:NS} and {@code system:authenticated}.
   */
  public static UserInfo serviceAccount(String namespace, String name, String uid) {
    return new UserInfo(
        SERVICE_ACCOUNT_PREFIX + namespace + ":" + name,
        uid,
        List.of(
            "system:serviceaccounts", "system:serviceaccounts:" + namespace, AUTHENTICATED_GROUP));
  }
}
