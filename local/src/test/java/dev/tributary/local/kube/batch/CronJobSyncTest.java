package dev.tributary.local.kube.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.controller.ReconcileEvent;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronJobSyncTest {

  private static final Instant CREATED = Instant.parse("2026-11-29T18:00:30Z");

  private static CronJob cronJob(String policy) {
    return new CronJobBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("beat")
        .withUid("cj-uid")
        .withCreationTimestamp(CREATED.toString())
        .endMetadata()
        .withNewSpec()
        .withSchedule("* * * * *")
        .withConcurrencyPolicy(policy)
        .withSuccessfulJobsHistoryLimit(3)
        .withFailedJobsHistoryLimit(1)
        .withSuspend(false)
        .withNewJobTemplate()
        .withNewMetadata()
        .addToLabels("app", "beat")
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .endSpec()
        .endTemplate()
        .endSpec()
        .endJobTemplate()
        .endSpec()
        .build();
  }

  private static CronJobSync.Plan plan(CronJob cronJob, List<Job> jobs, String now)
      throws Exception {
    return CronJobSync.plan(cronJob, jobs, CronJobSchedule.of(cronJob), Instant.parse(now));
  }

  private static Job job(String name, String uid, String finished, String start) {
    JobBuilder job =
        new JobBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName(name)
            .withUid(uid)
            .endMetadata()
            .withNewStatus()
            .withStartTime(start)
            .endStatus();
    if (finished != null) {
      job.editStatus()
          .withCompletionTime("Complete".equals(finished) ? start : null)
          .addNewCondition()
          .withType(finished)
          .withStatus("True")
          .endCondition()
          .endStatus();
    }
    return job.build();
  }

  private static void activate(CronJob cronJob, Job... jobs) {
    List<ObjectReference> active = new ArrayList<>();
    for (Job job : jobs) {
      active.add(CronJobJobs.reference(job));
    }
    cronJob.setStatus(
        new io.fabric8.kubernetes.api.model.batch.v1.CronJobStatusBuilder()
            .withActive(active)
            .withLastScheduleTime("2026-11-29T18:01:00Z")
            .build());
  }

  @Test
  void nothingIsDueBeforeTheFirstActivationAfterCreation() throws Exception {
    CronJobSync.Plan plan = plan(cronJob("Allow"), List.of(), "2026-11-29T18:00:50Z");
    assertThat(plan.create()).isEmpty();
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(10).plus(CronJobSync.SLACK));
  }

  @Test
  void theMostRecentDueActivationGetsAJobNamedByItsMinute() throws Exception {
    CronJobSync.Plan plan = plan(cronJob("Allow"), List.of(), "2026-11-29T18:03:20Z");
    Job job = plan.create().orElseThrow();
    // 18:03 is the most recent activation; 18:01 and 18:02 were missed and are skipped.
    Instant scheduled = Instant.parse("2026-11-29T18:03:00Z");
    assertThat(job.getMetadata().getName()).isEqualTo("beat-" + scheduled.getEpochSecond() / 60);
    assertThat(job.getMetadata().getLabels()).containsEntry("app", "beat");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-11-29T18:03:00Z");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("CronJob");
    assertThat(job.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("cj-uid");
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(plan.status().getLastScheduleTime()).isEqualTo("2026-11-29T18:03:00Z");
    assertThat(plan.requeueAfter()).hasValue(Duration.ofSeconds(40).plus(CronJobSync.SLACK));
  }

  @Test
  void aJobAlreadyCreatedForTheActivationIsNotCreatedAgain() throws Exception {
    CronJob cronJob = cronJob("Allow");
    Job existing =
        job(
            CronJobJobs.name(cronJob, Instant.parse("2026-11-29T18:01:00Z")),
            "j1",
            null,
            "2026-11-29T18:01:00Z");
    activate(cronJob, existing);
    CronJobSync.Plan plan = plan(cronJob, List.of(existing), "2026-11-29T18:01:30Z");
    assertThat(plan.create()).isEmpty();
    assertThat(plan.status().getActive()).hasSize(1);
  }

  @Test
  void concurrencyPolicies() throws Exception {
    Job running = job("beat-old", "j1", null, "2026-11-29T18:01:00Z");
    String now = "2026-11-29T18:02:05Z";

    CronJob allow = cronJob("Allow");
    activate(allow, running);
    CronJobSync.Plan allowed = plan(allow, List.of(running), now);
    assertThat(allowed.create()).isPresent();
    assertThat(allowed.delete()).isEmpty();
    assertThat(allowed.status().getActive()).hasSize(1);

    CronJob forbid = cronJob("Forbid");
    activate(forbid, running);
    CronJobSync.Plan forbidden = plan(forbid, List.of(running), now);
    assertThat(forbidden.create()).isEmpty();
    assertThat(forbidden.events())
        .containsExactly(
            ReconcileEvent.normal(
                "JobAlreadyActive",
                "Not starting job because prior execution is running and concurrency policy is"
                    + " Forbid"));

    CronJob replace = cronJob("Replace");
    activate(replace, running);
    CronJobSync.Plan replaced = plan(replace, List.of(running), now);
    assertThat(replaced.create()).isPresent();
    assertThat(replaced.delete()).containsExactly(running);
    assertThat(replaced.status().getActive()).isNull();
  }

  @Test
  void aFinishedActiveJobLeavesTheActiveListAndSetsLastSuccessfulTime() throws Exception {
    CronJob cronJob = cronJob("Allow");
    Job done = job("beat-1", "j1", "Complete", "2026-11-29T18:01:05Z");
    activate(cronJob, done);
    CronJobSync.Plan plan = plan(cronJob, List.of(done), "2026-11-29T18:01:30Z");
    assertThat(plan.status().getActive()).isNull();
    assertThat(plan.status().getLastSuccessfulTime()).isEqualTo("2026-11-29T18:01:05Z");
    assertThat(plan.events())
        .containsExactly(
            ReconcileEvent.normal(
                "SawCompletedJob", "Saw completed job: beat-1, condition: Complete"));
  }

  @Test
  void aVanishedActiveJobIsReportedMissing() throws Exception {
    CronJob cronJob = cronJob("Allow");
    activate(cronJob, job("beat-1", "j1", null, null));
    CronJobSync.Plan plan = plan(cronJob, List.of(), "2026-11-29T18:01:30Z");
    assertThat(plan.status().getActive()).isNull();
    assertThat(plan.events())
        .containsExactly(ReconcileEvent.warning("MissingJob", "Active job went missing: beat-1"));
  }

  @Test
  void finishedJobsBeyondTheHistoryLimitsAreDeletedOldestFirst() throws Exception {
    List<Job> jobs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      jobs.add(job("ok-" + i, "ok" + i, "Complete", "2026-11-29T18:0" + i + ":00Z"));
    }
    for (int i = 1; i <= 3; i++) {
      jobs.add(job("bad-" + i, "bad" + i, "Failed", "2026-11-29T18:0" + i + ":30Z"));
    }
    CronJobSync.Plan plan = plan(cronJob("Allow"), jobs, "2026-11-29T18:06:10Z");
    assertThat(plan.delete())
        .extracting(j -> j.getMetadata().getName())
        .containsExactly("ok-1", "ok-2", "bad-1", "bad-2");
  }

  @Test
  void aSuspendedCronJobStartsNothing() throws Exception {
    CronJob cronJob = cronJob("Allow");
    cronJob.getSpec().setSuspend(true);
    CronJobSync.Plan plan = plan(cronJob, List.of(), "2026-11-29T18:05:00Z");
    assertThat(plan.create()).isEmpty();
    assertThat(plan.requeueAfter()).isEmpty();
  }

  @Test
  void aTimeZoneShiftsTheScheduleAndTheAnnotation() throws Exception {
    CronJob cronJob = cronJob("Allow");
    cronJob.getSpec().setSchedule("0 9 * * *");
    cronJob.getSpec().setTimeZone("Asia/Shanghai");
    CronJobSync.Plan plan = plan(cronJob, List.of(), "2026-11-30T01:00:10Z");
    Job job = plan.create().orElseThrow();
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(
            "batch.kubernetes.io/cronjob-scheduled-timestamp", "2026-11-30T09:00:00+08:00");
    assertThat(plan.status().getLastScheduleTime()).isEqualTo("2026-11-30T01:00:00Z");
  }
}
