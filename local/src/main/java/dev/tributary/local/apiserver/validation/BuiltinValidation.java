package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.authz.RbacObjectRules;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Several validators as one: every member sees every object and the causes are concatenated in
 * member order (metadata first, as Kubernetes reports them). Immutable and thread-safe when its
 * members are.
 *
 * @param members the validators, in reporting order
 */
public record BuiltinValidation(List<ObjectValidator> members) implements ObjectValidator {

  public BuiltinValidation {
    members = List.copyOf(members);
  }

  /**
   * The built-in kinds' rules: object metadata, Pods, apps workloads, Jobs and CronJobs, Services,
   * ConfigMaps and Secrets, Leases, and RBAC objects.
   */
  public static BuiltinValidation defaults() {
    return new BuiltinValidation(
        List.of(
            new MetadataRules(),
            new PodRules(),
            new WorkloadRules(),
            new BatchRules(),
            new ServiceRules(),
            new ConfigDataRules(),
            new LeaseRules(),
            new RbacObjectRules()));
  }

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    List<FieldCause> causes = new ArrayList<>();
    for (ObjectValidator member : members) {
      causes.addAll(member.validate(type, object, old));
    }
    return causes;
  }
}
