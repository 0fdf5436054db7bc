package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * apps/v1's and batch/v1's (and batch/v1beta1's CronJob) defaults, each with its pod template's.
 * Stateless.
 */
final class WorkloadDefaults {

  /** What {@code backoffLimit} becomes when {@code backoffLimitPerIndex} is set: Go's MaxInt32. */
  static final int MAX_INT32 = Integer.MAX_VALUE;

  private WorkloadDefaults() {}

  static void deployment(ObjectNode deployment) {
    ObjectNode spec = Fields.ensureObject(deployment, "spec");
    Fields.defaultInt(spec, "replicas", 1);
    ObjectNode strategy = Fields.ensureObject(spec, "strategy");
    Fields.defaultText(strategy, "type", "RollingUpdate");
    if (Fields.text(strategy, "type").equals("RollingUpdate")) {
      ObjectNode rollingUpdate = Fields.ensureObject(strategy, "rollingUpdate");
      if (Fields.isUnset(rollingUpdate, "maxUnavailable")) {
        rollingUpdate.put("maxUnavailable", "25%");
      }
      if (Fields.isUnset(rollingUpdate, "maxSurge")) {
        rollingUpdate.put("maxSurge", "25%");
      }
    }
    Fields.defaultInt(spec, "revisionHistoryLimit", 10);
    Fields.defaultInt(spec, "progressDeadlineSeconds", 600);
    PodSpecDefaults.template(spec, "template");
  }

  static void replicaSet(ObjectNode replicaSet) {
    ObjectNode spec = Fields.ensureObject(replicaSet, "spec");
    Fields.defaultInt(spec, "replicas", 1);
    PodSpecDefaults.template(spec, "template");
  }

  static void daemonSet(ObjectNode daemonSet) {
    ObjectNode spec = Fields.ensureObject(daemonSet, "spec");
    ObjectNode strategy = Fields.ensureObject(spec, "updateStrategy");
    Fields.defaultText(strategy, "type", "RollingUpdate");
    if (Fields.text(strategy, "type").equals("RollingUpdate")) {
      ObjectNode rollingUpdate = Fields.ensureObject(strategy, "rollingUpdate");
      Fields.defaultInt(rollingUpdate, "maxUnavailable", 1);
      Fields.defaultInt(rollingUpdate, "maxSurge", 0);
    }
    Fields.defaultInt(spec, "revisionHistoryLimit", 10);
    PodSpecDefaults.template(spec, "template");
  }

  static void statefulSet(ObjectNode statefulSet) {
    ObjectNode spec = Fields.ensureObject(statefulSet, "spec");
    Fields.defaultText(spec, "podManagementPolicy", "OrderedReady");
    ObjectNode strategy = Fields.ensureObject(spec, "updateStrategy");
    if (Fields.text(strategy, "type").isEmpty()) {
      strategy.put("type", "RollingUpdate");
      Fields.ensureObject(strategy, "rollingUpdate");
    }
    ObjectNode rollingUpdate = Fields.object(strategy, "rollingUpdate");
    if (Fields.text(strategy, "type").equals("RollingUpdate") && rollingUpdate != null) {
      Fields.defaultInt(rollingUpdate, "partition", 0);
    }
    ObjectNode retention = Fields.ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
    Fields.defaultText(retention, "whenDeleted", "Retain");
    Fields.defaultText(retention, "whenScaled", "Retain");
    Fields.defaultInt(spec, "replicas", 1);
    Fields.defaultInt(spec, "revisionHistoryLimit", 10);
    PodSpecDefaults.template(spec, "template");
    for (ObjectNode claim : Fields.objects(spec, "volumeClaimTemplates")) {
      Fields.defaultText(Fields.ensureObject(claim, "spec"), "volumeMode", "Filesystem");
      Fields.defaultText(Fields.ensureObject(claim, "status"), "phase", "Pending");
    }
  }

  /** {@code SetDefaults_Job} (Kubernetes 1.32, JobPodReplacementPolicy on). */
  static void job(ObjectNode job) {
    ObjectNode spec = Fields.ensureObject(job, "spec");
    if (Fields.isUnset(spec, "completions") && Fields.isUnset(spec, "parallelism")) {
      spec.put("completions", 1);
      spec.put("parallelism", 1);
    }
    Fields.defaultInt(spec, "parallelism", 1);
    Fields.defaultInt(
        spec, "backoffLimit", Fields.isUnset(spec, "backoffLimitPerIndex") ? 6 : MAX_INT32);
    ObjectNode templateLabels =
        Fields.object(Fields.object(Fields.object(spec, "template"), "metadata"), "labels");
    ObjectNode metadata = Fields.ensureObject(job, "metadata");
    if (templateLabels != null && Fields.isEmpty(metadata, "labels")) {
      metadata.set("labels", templateLabels.deepCopy());
    }
    Fields.defaultText(spec, "completionMode", "NonIndexed");
    Fields.defaultBool(spec, "suspend", false);
    ObjectNode failurePolicy = Fields.object(spec, "podFailurePolicy");
    for (ObjectNode rule : Fields.objects(failurePolicy, "rules")) {
      for (ObjectNode pattern : Fields.objects(rule, "onPodConditions")) {
        Fields.defaultText(pattern, "status", "True");
      }
    }
    Fields.defaultText(
        spec, "podReplacementPolicy", failurePolicy != null ? "Failed" : "TerminatingOrFailed");
    PodSpecDefaults.template(spec, "template");
  }

  /** {@code SetDefaults_CronJob}; the job template gets pod template defaults, not Job's. */
  static void cronJob(ObjectNode cronJob) {
    ObjectNode spec = Fields.ensureObject(cronJob, "spec");
    Fields.defaultText(spec, "concurrencyPolicy", "Allow");
    Fields.defaultBool(spec, "suspend", false);
    Fields.defaultInt(spec, "successfulJobsHistoryLimit", 3);
    Fields.defaultInt(spec, "failedJobsHistoryLimit", 1);
    ObjectNode jobSpec = Fields.object(Fields.object(spec, "jobTemplate"), "spec");
    if (jobSpec != null) {
      PodSpecDefaults.template(jobSpec, "template");
    }
  }
}
