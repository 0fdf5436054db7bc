package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code coordination.k8s.io/v1} Leases: a positive duration and non-negative transitions, as
 * {@code ValidateLeaseSpec} has it. Stateless.
 */
public final class LeaseRules implements ObjectValidator {

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().equals("coordination.k8s.io") || !type.kind().equals("Lease")) {
      return List.of();
    }
    JsonNode spec = Json.child(object, "spec");
    List<FieldCause> out = new ArrayList<>();
    Long duration = Json.number(spec, "leaseDurationSeconds");
    if (duration != null && duration <= 0) {
      out.add(FieldCause.invalid("spec.leaseDurationSeconds", duration, "must be greater than 0"));
    }
    Causes.nonNegative(Json.number(spec, "leaseTransitions"), "spec.leaseTransitions", out);
    return out;
  }
}
