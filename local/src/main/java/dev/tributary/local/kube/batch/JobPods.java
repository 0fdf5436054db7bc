package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod a Job creates: its template, {@code generateName: JOB-}, the Job's labels for finding it
 * again ({@code batch.kubernetes.io/job-name}, {@code batch.kubernetes.io/controller-uid} and their
 * pre-1.27 spellings) and a controller reference to the Job. Pure.
 */
public final class JobPods {

  public static final String JOB_NAME = "batch.kubernetes.io/job-name";
  public static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String LEGACY_JOB_NAME = "job-name";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";

  private JobPods() {}

  public static Pod desired(Job job) {
    PodTemplateSpec template = job.getSpec().getTemplate();
    ObjectMeta templateMeta =
        template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    Map<String, String> labels = new LinkedHashMap<>();
    if (templateMeta.getLabels() != null) {
      labels.putAll(templateMeta.getLabels());
    }
    String name = job.getMetadata().getName();
    String uid = job.getMetadata().getUid();
    labels.putIfAbsent(LEGACY_CONTROLLER_UID, uid);
    labels.putIfAbsent(CONTROLLER_UID, uid);
    labels.putIfAbsent(LEGACY_JOB_NAME, name);
    labels.putIfAbsent(JOB_NAME, name);
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(job.getMetadata().getNamespace())
        .withGenerateName(name + "-")
        .withLabels(labels)
        .withAnnotations(templateMeta.getAnnotations())
        .withFinalizers(templateMeta.getFinalizers())
        .withOwnerReferences(List.of(Owners.controllerRef(job, "batch/v1", "Job")))
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }
}
