package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;

/**
 * Defaults of the built-in kinds on every write ({@link KindDefaults}), and the create-time
 * additions of their strategies and admission ({@link CreateStrategies}). Custom resources are left
 * to their CRD schemas. A Secret's {@code stringData} is folded into {@code data} first, as its
 * decoding does. Stateless; thread-safe.
 */
public final class BuiltinDefaults implements KindHooks {

  @Override
  public void applyDefaults(ResourceType type, ObjectNode object, ObjectNode old) {
    if (type.isCustom()) {
      return;
    }
    if (isCore(type, "Secret")) {
      SecretStringData.fold(object);
    }
    KindDefaults.apply(type.group(), type.kind(), object);
    if (old != null && isCore(type, "Namespace")) {
      // spec.finalizers only change through the namespace controller, never through an update.
      JsonNode finalizers = old.path("spec").get("finalizers");
      if (finalizers == null) {
        Fields.ensureObject(object, "spec").remove("finalizers");
      } else {
        Fields.ensureObject(object, "spec").set("finalizers", finalizers.deepCopy());
      }
    }
  }

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (type.isCustom()) {
      return;
    }
    if (isCore(type, "Pod")) {
      CreateStrategies.pod(object);
    } else if (isCore(type, "Namespace")) {
      CreateStrategies.namespace(object);
    } else if (type.group().equals("batch") && type.kind().equals("Job")) {
      CreateStrategies.job(object);
    }
  }

  private static boolean isCore(ResourceType type, String kind) {
    return type.group().isEmpty() && type.kind().equals(kind);
  }
}
