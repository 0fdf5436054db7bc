package dev.tributary.api.sources.sinkbinding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * A SinkBinding subject seen as JSON ("PodSpecable", spec §6.3): where its pod template is, and the
 * JSON Patch (RFC 6902) that applies a {@link SubjectMutation} to it.
 *
 * <p>The pod template is at {@code spec.template} for every kind (Deployment, ReplicaSet,
 * StatefulSet, DaemonSet, Job, Knative Service, any CRD of that shape) except {@code batch}
 * CronJob, whose template is at {@code spec.jobTemplate.spec.template} (beyond upstream, which
 * finds nothing there).
 *
 * <p>The patch is coarse on purpose: for each container whose {@code env} or {@code volumeMounts}
 * change, a {@code test} of the container's name at its index (so a list reordered meanwhile makes
 * the patch fail instead of changing the wrong container) and a {@code replace} (or {@code add}) of
 * the whole list; {@code volumes} likewise. Nothing else of the subject is touched. Pure and
 * thread-safe.
 *
 * <p>Shared by the SinkBinding reconciler (existing subjects) and the webhook (subjects being
 * admitted), so both bind the same way.
 */
public final class PodSpecable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers");
  private static final List<String> CONTAINER_FIELDS = List.of("env", "volumeMounts");

  private PodSpecable() {}

  /**
   * The JSON Pointer of the pod template of a subject of API group {@code group} and {@code kind}.
   */
  public static String templatePointer(String group, String kind) {
    return "batch".equals(group) && "CronJob".equals(kind)
        ? "/spec/jobTemplate/spec/template"
        : "/spec/template";
  }

  /** Whether {@code subject} has a pod template (an object) where its kind keeps it. */
  public static boolean hasPodTemplate(JsonNode subject, String group, String kind) {
    return subject.at(templatePointer(group, kind)).isObject();
  }

  /**
   * The JSON Patch operations that apply {@code mutation} to {@code subject}'s pod template; empty
   * when the subject already is as the mutation would leave it, or has no pod template.
   *
   * @param serialization fabric8's, to read and write the pod spec as its model
   */
  public static ArrayNode patch(
      JsonNode subject,
      String group,
      String kind,
      SubjectMutation mutation,
      KubernetesSerialization serialization) {
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    String templatePath = templatePointer(group, kind);
    JsonNode template = subject.at(templatePath);
    if (!template.isObject()) {
      return ops;
    }
    JsonNode specNode = template.path("spec");
    // Both sides go through fabric8's model, so a difference is the mutation's, not the model's.
    PodSpec before =
        specNode.isObject()
            ? serialization.unmarshal(specNode.toString(), PodSpec.class)
            : new PodSpec();
    JsonNode was = tree(before, serialization);
    JsonNode now = tree(mutation.apply(before), serialization);
    String specPath = templatePath + "/spec";
    for (String list : CONTAINER_LISTS) {
      JsonNode containers = now.path(list);
      for (int i = 0; i < containers.size(); i++) {
        String containerPath = specPath + "/" + list + "/" + i;
        boolean tested = false;
        for (String field : CONTAINER_FIELDS) {
          JsonNode old = was.path(list).path(i).path(field);
          JsonNode fresh = containers.path(i).path(field);
          if (old.equals(fresh)) {
            continue;
          }
          if (!tested) {
            ops.addObject()
                .put("op", "test")
                .put("path", containerPath + "/name")
                .set("value", containers.path(i).path("name"));
            tested = true;
          }
          change(ops, containerPath + "/" + field, old, fresh);
        }
      }
    }
    JsonNode oldVolumes = was.path("volumes");
    JsonNode newVolumes = now.path("volumes");
    if (!oldVolumes.equals(newVolumes)) {
      change(ops, specPath + "/volumes", oldVolumes, newVolumes);
    }
    return ops;
  }

  private static void change(ArrayNode ops, String path, JsonNode old, JsonNode fresh) {
    if (fresh.isMissingNode() || fresh.isNull()) {
      ops.addObject().put("op", "remove").put("path", path);
    } else {
      ops.addObject()
          .put("op", old.isMissingNode() || old.isNull() ? "add" : "replace")
          .put("path", path)
          .set("value", fresh);
    }
  }

  private static JsonNode tree(PodSpec spec, KubernetesSerialization serialization) {
    try {
      return JSON.readTree(serialization.asJson(spec));
    } catch (JsonProcessingException e) {
      // fabric8 wrote it; Jackson not reading it back would be a bug, not an input error.
      throw new IllegalStateException("fabric8 wrote JSON Jackson cannot read", e);
    }
  }

  /** Reads {@code json} as an object tree. */
  public static ObjectNode readObject(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object", e);
    }
  }
}
