package dev.tributary.local.kube.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.controller.ReconcileEvent;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSyncTest {

  private static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

  private static Job job(Integer completions, int parallelism, int backoffLimit, String restart) {
    return new JobBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("pi")
        .withUid("uid-1")
        .endMetadata()
        .withNewSpec()
        .withCompletions(completions)
        .withParallelism(parallelism)
        .withBackoffLimit(backoffLimit)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy(restart)
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Pod pod(String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp("2026-11-29T17:59:00Z")
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  private static List<String> conditionTypes(JobSync.Plan plan) {
    return plan.status().getConditions().stream().map(JobCondition::getType).toList();
  }

  @Test
  void aNewJobGetsParallelismPodsBoundedByRemainingCompletions() {
    JobSync.Plan plan = JobSync.plan(job(5, 2, 6, "Never"), List.of(), 0, NOW);
    assertThat(plan.create()).isEqualTo(2);
    assertThat(plan.status().getActive()).isEqualTo(2);
    assertThat(plan.status().getStartTime()).isEqualTo("2026-11-29T18:00:00Z");

    JobSync.Plan last =
        JobSync.plan(
            job(3, 2, 6, "Never"),
            List.of(pod("a", "Succeeded"), pod("b", "Succeeded"), pod("c", "Running")),
            0,
            NOW);
    assertThat(last.create()).isZero();
    assertThat(last.status().getSucceeded()).isEqualTo(2);
    assertThat(last.status().getActive()).isEqualTo(1);
  }

  @Test
  void podsCreatedButNotYetSeenAreNotCreatedAgain() {
    JobSync.Plan plan = JobSync.plan(job(1, 1, 6, "Never"), List.of(), 1, NOW);
    assertThat(plan.create()).isZero();
    assertThat(plan.status().getActive()).isEqualTo(1);
  }

  @Test
  void aFailedPodIsReplacedUntilTheBackoffLimitIsExceeded() {
    JobSync.Plan retry = JobSync.plan(job(1, 1, 1, "Never"), List.of(pod("a", "Failed")), 0, NOW);
    assertThat(retry.create()).isEqualTo(1);
    assertThat(retry.status().getFailed()).isEqualTo(1);
    assertThat(retry.events()).isEmpty();

    JobSync.Plan failed =
        JobSync.plan(
            job(1, 1, 1, "Never"), List.of(pod("a", "Failed"), pod("b", "Failed")), 0, NOW);
    assertThat(failed.create()).isZero();
    assertThat(conditionTypes(failed)).containsExactly("FailureTarget", "Failed");
    assertThat(failed.status().getConditions().get(1).getReason())
        .isEqualTo("BackoffLimitExceeded");
    assertThat(failed.status().getConditions().get(1).getMessage())
        .isEqualTo("Job has reached the specified backoff limit");
    assertThat(failed.status().getCompletionTime()).isNull();
    assertThat(failed.events())
        .containsExactly(
            ReconcileEvent.warning(
                "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
  }

  @Test
  void aReplacementWaitsOutTheFailureBackOffAndTheJobComesBackThen() {
    Pod failed = pod("a", "Failed");
    failed
        .getStatus()
        .setConditions(
            List.of(
                new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                    .withType("Ready")
                    .withStatus("False")
                    .withLastTransitionTime("2026-11-29T17:59:56Z")
                    .build()));
    Job job = job(1, 1, 6, "Never");

    JobSync.Plan waiting = JobSync.plan(job, List.of(failed), 0, NOW);
    assertThat(waiting.create()).isZero();
    assertThat(waiting.requeueAfter()).hasValue(java.time.Duration.ofSeconds(6));
    assertThat(waiting.status().getActive()).isZero();
    assertThat(waiting.status().getFailed()).isEqualTo(1);

    JobSync.Plan replaced = JobSync.plan(job, List.of(failed), 0, NOW.plusSeconds(6));
    assertThat(replaced.create()).isEqualTo(1);
    assertThat(replaced.requeueAfter()).isEmpty();
  }

  @Test
  void theEarlierOfBackOffAndDeadlineIsWhenTheJobComesBack() {
    Pod failed = pod("a", "Failed");
    failed.getMetadata().setCreationTimestamp("2026-11-29T18:00:00Z");
    Job job = job(1, 1, 6, "Never");
    job.getSpec().setActiveDeadlineSeconds(5L);
    job.setStatus(
        new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
            .withStartTime("2026-11-29T18:00:00Z")
            .build());

    assertThat(JobSync.plan(job, List.of(failed), 0, NOW).requeueAfter())
        .hasValue(java.time.Duration.ofSeconds(5));
    job.getSpec().setActiveDeadlineSeconds(60L);
    assertThat(JobSync.plan(job, List.of(failed), 0, NOW).requeueAfter())
        .hasValue(java.time.Duration.ofSeconds(10));
  }

  @Test
  void withOnFailureContainerRestartsCountAgainstTheBackoffLimit() {
    Pod restarting = pod("a", "Running");
    restarting
        .getStatus()
        .setContainerStatuses(
            List.of(
                new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                    .withName("c")
                    .withRestartCount(2)
                    .build()));
    JobSync.Plan plan = JobSync.plan(job(1, 1, 2, "OnFailure"), List.of(restarting), 0, NOW);
    assertThat(conditionTypes(plan)).containsExactly("FailureTarget", "Failed");
    assertThat(plan.delete()).containsExactly(restarting);
  }

  @Test
  void reachingCompletionsCompletesTheJobOnce() {
    JobSync.Plan plan = JobSync.plan(job(1, 1, 6, "Never"), List.of(pod("a", "Succeeded")), 0, NOW);
    assertThat(conditionTypes(plan)).containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(plan.status().getConditions().get(1).getReason()).isEqualTo("CompletionsReached");
    assertThat(plan.status().getCompletionTime()).isEqualTo("2026-11-29T18:00:00Z");
    assertThat(plan.events()).containsExactly(ReconcileEvent.normal("Completed", "Job completed"));

    Job done = job(1, 1, 6, "Never");
    done.setStatus(plan.status());
    JobSync.Plan again = JobSync.plan(done, List.of(pod("a", "Succeeded")), 0, NOW);
    assertThat(again.events()).isEmpty();
    assertThat(again.create()).isZero();
    assertThat(again.status()).isEqualTo(plan.status());
  }

  @Test
  void aSuspendedJobDeletesItsActivePodsAndDoesNotStart() {
    Job job = job(1, 1, 6, "Never");
    job.getSpec().setSuspend(true);
    Pod running = pod("a", "Running");
    JobSync.Plan plan = JobSync.plan(job, List.of(running), 0, NOW);
    assertThat(plan.delete()).containsExactly(running);
    assertThat(plan.create()).isZero();
    assertThat(plan.status().getStartTime()).isNull();
  }

  @Test
  void anActiveDeadlineFailsTheJobOnceItHasPassed() {
    Job job = job(1, 1, 6, "Never");
    job.getSpec().setActiveDeadlineSeconds(30L);
    job.setStatus(
        new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
            .withStartTime("2026-11-29T17:59:45Z")
            .build());
    JobSync.Plan pending = JobSync.plan(job, List.of(pod("a", "Running")), 0, NOW);
    assertThat(pending.requeueAfter()).hasValue(java.time.Duration.ofSeconds(15));
    JobSync.Plan over = JobSync.plan(job, List.of(pod("a", "Running")), 0, NOW.plusSeconds(15));
    assertThat(over.status().getConditions().get(1).getReason()).isEqualTo("DeadlineExceeded");
  }
}
