package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Kubernetes' registry strategies and admission add to a new built-in object after its
 * defaults: a Pod's Pending status and QoS class and its ServiceAccount, a Job's generated
 * selector, a Namespace's {@code kubernetes} finalizer. Stateless.
 */
final class CreateStrategies {

  static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  static final String NAMESPACE_FINALIZER = "kubernetes";

  private CreateStrategies() {}

  /**
   * A new Pod: {@code status} is {@code {phase: Pending, qosClass}}, and (the ServiceAccount
   * admission plugin) a Pod naming no ServiceAccount runs as {@code default}. The plugin's token
   * volume is not added.
   */
  static void pod(ObjectNode pod) {
    ObjectNode spec = Fields.ensureObject(pod, "spec");
    ObjectNode annotations = Fields.object(Fields.object(pod, "metadata"), "annotations");
    boolean mirror = annotations != null && annotations.has(MIRROR_POD_ANNOTATION);
    if (!mirror && Fields.text(spec, "serviceAccountName").isEmpty()) {
      spec.put("serviceAccountName", "default");
      spec.put("serviceAccount", "default");
    }
    ObjectNode status = pod.putObject("status");
    status.put("phase", "Pending");
    status.put("qosClass", PodQos.of(spec));
  }

  /** A new Namespace always carries the {@code kubernetes} finalizer in {@code spec.finalizers}. */
  static void namespace(ObjectNode namespace) {
    ObjectNode spec = Fields.ensureObject(namespace, "spec");
    ArrayNode finalizers =
        spec.get("finalizers") instanceof ArrayNode array ? array : spec.putArray("finalizers");
    for (var finalizer : finalizers) {
      if (finalizer.asText().equals(NAMESPACE_FINALIZER)) {
        return;
      }
    }
    finalizers.add(NAMESPACE_FINALIZER);
  }

  /**
   * A new Job without {@code manualSelector: true} selects its own pods by uid: the template gets
   * the job-name and controller-uid labels (new and legacy keys) unless it sets them, and the
   * selector matches {@code batch.kubernetes.io/controller-uid}. A selector naming another uid is
   * left for validation to reject.
   */
  static void job(ObjectNode job) {
    ObjectNode spec = Fields.ensureObject(job, "spec");
    if (spec.path("manualSelector").asBoolean(false)) {
      return;
    }
    ObjectNode metadata = Fields.ensureObject(job, "metadata");
    String name = Fields.text(metadata, "name");
    String uid = Fields.text(metadata, "uid");
    ObjectNode labels =
        Fields.ensureObject(
            Fields.ensureObject(Fields.ensureObject(spec, "template"), "metadata"), "labels");
    for (String key : JobLabels.NAME_KEYS) {
      if (!labels.has(key)) {
        labels.put(key, name);
      }
    }
    for (String key : JobLabels.UID_KEYS) {
      if (!labels.has(key)) {
        labels.put(key, uid);
      }
    }
    ObjectNode matchLabels =
        Fields.ensureObject(Fields.ensureObject(spec, "selector"), "matchLabels");
    if (!matchLabels.has(JobLabels.CONTROLLER_UID)) {
      matchLabels.put(JobLabels.CONTROLLER_UID, uid);
    }
  }
}
