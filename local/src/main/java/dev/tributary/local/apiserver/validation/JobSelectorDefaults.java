package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;

/**
 * The Job strategy's selector generation: unless {@code spec.manualSelector} is true, a new Job's
 * pod template gets the {@code job-name} and {@code controller-uid} labels (legacy and {@code
 * batch.kubernetes.io/} forms) where the user did not set them, and its selector selects {@code
 * batch.kubernetes.io/controller-uid}. Conflicting user labels are left for {@link BatchRules} to
 * reject. Stateless; needs the uid the object service assigns before its hooks run.
 */
public final class JobSelectorDefaults implements KindHooks {

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (!type.group().equals("batch") || !type.kind().equals("Job")) {
      return;
    }
    ObjectNode spec = child(object, "spec");
    if (spec.path("manualSelector").asBoolean(false)) {
      return;
    }
    ObjectNode metadata = child(object, "metadata");
    String uid = metadata.path("uid").asText("");
    String name = metadata.path("name").asText("");
    ObjectNode labels = child(child(child(spec, "template"), "metadata"), "labels");
    for (int i = 0; i < BatchRules.UID_LABELS.size(); i++) {
      putIfAbsent(labels, BatchRules.NAME_LABELS.get(i), name);
      putIfAbsent(labels, BatchRules.UID_LABELS.get(i), uid);
    }
    ObjectNode matchLabels = child(child(spec, "selector"), "matchLabels");
    putIfAbsent(matchLabels, BatchRules.UID_LABELS.get(1), uid);
  }

  /** The object at {@code parent.field}, made (replacing a null) when absent. */
  private static ObjectNode child(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode node ? node : parent.putObject(field);
  }

  private static void putIfAbsent(ObjectNode labels, String key, String value) {
    if (!labels.has(key)) {
      labels.put(key, value);
    }
  }
}
