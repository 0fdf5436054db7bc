package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of RBAC objects, sorted by kind from any mix of them; for tests and for a
 * server that rebuilds a snapshot whenever an RBAC object changes. The snapshot keeps deep copies,
 * so later changes to the objects handed in do not leak into it. Thread-safe.
 */
public final class InMemoryRbacObjects implements RbacObjects {

  private final List<ObjectNode> clusterRoles;
  private final List<ObjectNode> clusterRoleBindings;
  private final List<ObjectNode> roles;
  private final List<ObjectNode> roleBindings;

  private InMemoryRbacObjects(
      List<ObjectNode> clusterRoles,
      List<ObjectNode> clusterRoleBindings,
      List<ObjectNode> roles,
      List<ObjectNode> roleBindings) {
    this.clusterRoles = clusterRoles;
    this.clusterRoleBindings = clusterRoleBindings;
    this.roles = roles;
    this.roleBindings = roleBindings;
  }

  /**
   * A snapshot of {@code objects}, each placed by its {@code kind}; objects of other kinds (a
   * ServiceAccount from the same manifest, say) are ignored.
   */
  public static InMemoryRbacObjects of(Collection<? extends ObjectNode> objects) {
    List<ObjectNode> clusterRoles = new ArrayList<>();
    List<ObjectNode> clusterRoleBindings = new ArrayList<>();
    List<ObjectNode> roles = new ArrayList<>();
    List<ObjectNode> roleBindings = new ArrayList<>();
    for (ObjectNode object : objects) {
      ObjectNode copy = object.deepCopy();
      switch (Nodes.text(object, "kind")) {
        case "ClusterRole" -> clusterRoles.add(copy);
        case "ClusterRoleBinding" -> clusterRoleBindings.add(copy);
        case "Role" -> roles.add(copy);
        case "RoleBinding" -> roleBindings.add(copy);
        default -> {}
      }
    }
    return new InMemoryRbacObjects(
        List.copyOf(clusterRoles),
        List.copyOf(clusterRoleBindings),
        List.copyOf(roles),
        List.copyOf(roleBindings));
  }

  /** {@link BootstrapPolicy#objects()} plus {@code objects}. */
  public static InMemoryRbacObjects withBootstrapPolicy(Collection<? extends ObjectNode> objects) {
    List<ObjectNode> all = new ArrayList<>(BootstrapPolicy.objects());
    all.addAll(objects);
    return of(all);
  }

  @Override
  public List<ObjectNode> clusterRoleBindings() {
    return clusterRoleBindings;
  }

  @Override
  public List<ObjectNode> roleBindings(String namespace) {
    return roleBindings.stream().filter(b -> Nodes.namespace(b).equals(namespace)).toList();
  }

  @Override
  public Optional<ObjectNode> clusterRole(String name) {
    return clusterRoles.stream().filter(r -> Nodes.name(r).equals(name)).findFirst();
  }

  @Override
  public Optional<ObjectNode> role(String namespace, String name) {
    return roles.stream()
        .filter(r -> Nodes.namespace(r).equals(namespace) && Nodes.name(r).equals(name))
        .findFirst();
  }

  @Override
  public List<ObjectNode> clusterRoles() {
    return clusterRoles;
  }
}
