package dev.tributary.local.apiserver.authz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.rbac.RbacDefaults;
import dev.tributary.local.apiserver.rbac.RbacValidation;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.List;

/**
 * Roles, ClusterRoles and their bindings as kube-apiserver takes them: defaulted ({@link
 * RbacDefaults}) before they are stored, validated ({@link RbacValidation}) with Kubernetes' field
 * causes, e.g. a ClusterRoleBinding's ServiceAccount subject without a namespace. Stateless.
 */
public final class RbacObjectRules implements KindHooks, ObjectValidator {

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    applyDefaults(type, object);
  }

  @Override
  public void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
    applyDefaults(type, object);
  }

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!isRbac(type)) {
      return List.of();
    }
    var causes =
        old == null ? RbacValidation.validate(object) : RbacValidation.validateUpdate(object, old);
    return causes.stream().map(c -> new FieldCause(c.reason(), c.field(), c.message())).toList();
  }

  private static void applyDefaults(ResourceType type, ObjectNode object) {
    if (isRbac(type)) {
      ObjectNode defaulted = RbacDefaults.withDefaults(object);
      if (defaulted != object) {
        object.removeAll();
        object.setAll(defaulted);
      }
    }
  }

  private static boolean isRbac(ResourceType type) {
    return type.group().equals(StoreRbacObjects.GROUP);
  }
}
