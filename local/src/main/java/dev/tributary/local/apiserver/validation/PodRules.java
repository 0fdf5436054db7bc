package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * Core {@code v1} Pods and PodTemplates: the pod spec rules of {@link PodSpecRules}, plus for Pods
 * no whitespace around images. Pod updates are checked like creates (upstream's rule that only
 * images, deadlines and tolerations change is not modelled). Stateless.
 */
public final class PodRules implements ObjectValidator {

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().isEmpty()) {
      return List.of();
    }
    List<FieldCause> out = new ArrayList<>();
    switch (type.kind()) {
      case "Pod" -> {
        JsonNode spec = Json.child(object, "spec");
        PodSpecRules.spec(spec, "spec", out);
        PodSpecRules.podOnly(spec, "spec", out);
      }
      case "PodTemplate" -> PodSpecRules.template(Json.child(object, "template"), "template", out);
      default -> {}
    }
    return out;
  }
}
