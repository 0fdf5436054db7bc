package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * kube-apiserver's bridge from kubectl's client-side apply to server-side apply, around the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation: an apply whose conflicts are all
 * fields of that configuration goes through as if forced (the client-side applier is taking the
 * object over), and an apply by kubectl's default manager keeps the annotation in step with what it
 * applied.
 */
final class LastApplied {

  /** kubectl's default server-side apply manager. */
  static final String KUBECTL = "kubectl";

  static final String ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  private LastApplied() {}

  /** Whether every conflict is a field of {@code live}'s last-applied configuration. */
  static boolean allows(
      ObjectNode live, List<FieldManager.Conflict> conflicts, ListKeys schema, FieldScope scope) {
    ObjectNode lastApplied = configuration(live);
    if (lastApplied == null) {
      return false;
    }
    FieldSet allowed = ObjectFields.of(lastApplied, schema, scope, true).set();
    return conflicts.stream().allMatch(c -> allowed.contains(c.field()));
  }

  /** Sets {@code object}'s annotation, where it has one, to {@code applied} without it. */
  static void sync(ObjectNode object, ObjectNode applied) {
    JsonNode annotations = object.path("metadata").path("annotations");
    if (!(annotations instanceof ObjectNode target) || !target.has(ANNOTATION)) {
      return;
    }
    ObjectNode configuration = applied.deepCopy();
    if (configuration.path("metadata").path("annotations") instanceof ObjectNode own) {
      own.remove(ANNOTATION);
      if (own.isEmpty()) {
        ((ObjectNode) configuration.get("metadata")).remove("annotations");
      }
    }
    target.put(ANNOTATION, configuration.toString());
  }

  private static ObjectNode configuration(ObjectNode live) {
    if (live == null) {
      return null;
    }
    String text = live.path("metadata").path("annotations").path(ANNOTATION).asText("");
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Json.parse(text) instanceof ObjectNode object ? object : null;
    } catch (IllegalArgumentException malformed) {
      return null; // an unreadable annotation allows nothing, as upstream
    }
  }
}
