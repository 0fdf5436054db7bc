package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The RBAC objects the authorizer reads ({@code rbac.authorization.k8s.io/v1} Role, ClusterRole,
 * RoleBinding, ClusterRoleBinding as JSON trees), answered from the server's current state — the
 * store, a cache of it, or {@link InMemoryRbacObjects}.
 *
 * <p>Implementations are thread-safe and should answer from memory: the authorizer calls them on
 * every request. The authorizer never modifies the nodes it receives. A failure to read propagates
 * as an unchecked exception.
 */
public interface RbacObjects {

  /** Every ClusterRoleBinding. */
  List<ObjectNode> clusterRoleBindings();

  /** Every RoleBinding in {@code namespace}. */
  List<ObjectNode> roleBindings(String namespace);

  /** The ClusterRole named {@code name}, if it exists. */
  Optional<ObjectNode> clusterRole(String name);

  /** The Role {@code namespace/name}, if it exists. */
  Optional<ObjectNode> role(String namespace, String name);

  /**
   * Every ClusterRole; read only to resolve aggregated ClusterRoles ({@code aggregationRule}), so
   * an implementation with no aggregated roles may answer from a slow path.
   */
  List<ObjectNode> clusterRoles();
}
