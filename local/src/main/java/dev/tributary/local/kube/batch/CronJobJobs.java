package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Job a CronJob creates for a scheduled time, and references to Jobs. Pure. */
public final class CronJobJobs {

  /** The annotation with the scheduled time, Kubernetes 1.28+. */
  public static final String SCHEDULED_TIMESTAMP =
      "batch.kubernetes.io/cronjob-scheduled-timestamp";

  private CronJobJobs() {}

  /** {@code NAME-<scheduled time in minutes since the epoch>}, as Kubernetes names them. */
  public static String name(CronJob cronJob, Instant scheduled) {
    return cronJob.getMetadata().getName() + "-" + scheduled.getEpochSecond() / 60;
  }

  /**
   * The Job for {@code scheduled}: the job template, named by {@link #name}, owned by the CronJob.
   */
  public static Job desired(CronJob cronJob, Instant scheduled) {
    ObjectMeta template = cronJob.getSpec().getJobTemplate().getMetadata();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> annotations = new LinkedHashMap<>();
    if (template != null) {
      if (template.getLabels() != null) {
        labels.putAll(template.getLabels());
      }
      if (template.getAnnotations() != null) {
        annotations.putAll(template.getAnnotations());
      }
    }
    String zone = cronJob.getSpec().getTimeZone();
    ZoneId zoneId = zone == null || zone.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(zone);
    annotations.put(
        SCHEDULED_TIMESTAMP,
        DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .format(scheduled.atZone(zoneId))
            .replace("+00:00", "Z"));
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace(cronJob.getMetadata().getNamespace())
        .withName(name(cronJob, scheduled))
        .withLabels(labels)
        .withAnnotations(annotations)
        .withOwnerReferences(List.of(Owners.controllerRef(cronJob, "batch/v1", "CronJob")))
        .endMetadata()
        .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
        .build();
  }

  /** The reference {@code status.active} holds for {@code job}. */
  public static ObjectReference reference(Job job) {
    return new ObjectReferenceBuilder()
        .withApiVersion("batch/v1")
        .withKind("Job")
        .withNamespace(job.getMetadata().getNamespace())
        .withName(job.getMetadata().getName())
        .withUid(job.getMetadata().getUid())
        .withResourceVersion(job.getMetadata().getResourceVersion())
        .build();
  }
}
