package dev.tributary.local.kube.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Job controller against the local API server; the test plays the kubelet. */
class JobControllerIT {

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;
  private static JobController controller;
  private static final AdjustableClock clock = new AdjustableClock();

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
    controller = new JobController(client, clock);
    controller.start().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (controller != null) {
      controller.close();
    }
    cluster.close();
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(20));
  }

  private static Job newJob(String ns, String name, int completions, int parallelism, int backoff) {
    return client
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withCompletions(completions)
                .withParallelism(parallelism)
                .withBackoffLimit(backoff)
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("work")
                .withImage("busybox")
                .withArgs("true")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  private static List<Pod> podsOf(Job job) {
    return client
        .pods()
        .inNamespace(job.getMetadata().getNamespace())
        .withLabel(JobPods.CONTROLLER_UID, job.getMetadata().getUid())
        .list()
        .getItems();
  }

  private static Job get(Job job) {
    return client.batch().v1().jobs().resource(job).get();
  }

  private static List<String> conditions(Job job) {
    Job current = get(job);
    return current.getStatus() == null || current.getStatus().getConditions() == null
        ? List.of()
        : current.getStatus().getConditions().stream().map(JobCondition::getType).toList();
  }

  @Test
  void runsCompletionsPodsParallelismAtATimeThenCompletes() {
    String ns = BatchTestSupport.newNamespace(client, "job");
    Job job = newJob(ns, "pi", 3, 2, 6);

    await().until(() -> podsOf(job).size() == 2);
    Pod first = podsOf(job).get(0);
    assertThat(first.getMetadata().getName()).matches("pi-[a-z0-9]{5}");
    assertThat(first.getMetadata().getLabels())
        .containsEntry("batch.kubernetes.io/job-name", "pi")
        .containsEntry("job-name", "pi")
        .containsEntry("controller-uid", job.getMetadata().getUid())
        .containsEntry("app", "pi");
    OwnerReference owner = first.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("Job");
    assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid());
    assertThat(owner.getController()).isTrue();
    await().until(() -> get(job).getStatus() != null && get(job).getStatus().getActive() == 2);
    assertThat(get(job).getStatus().getStartTime()).isNotNull();

    for (Pod pod : podsOf(job)) {
      BatchTestSupport.setPhase(client, pod, "Succeeded");
    }
    // Two done, one to go: exactly one more pod.
    await().until(() -> podsOf(job).size() == 3);
    Pod third =
        podsOf(job).stream()
            .filter(p -> p.getStatus().getPhase().equals("Pending"))
            .findFirst()
            .orElseThrow();
    BatchTestSupport.setPhase(client, third, "Succeeded");

    await().until(() -> conditions(job).contains("Complete"));
    Job done = get(job);
    assertThat(conditions(job)).containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(done.getStatus().getSucceeded()).isEqualTo(3);
    assertThat(done.getStatus().getActive()).isZero();
    assertThat(done.getStatus().getCompletionTime()).isNotNull();
    assertThat(podsOf(job)).hasSize(3);
    await()
        .untilAsserted(
            () ->
                assertThat(BatchTestSupport.events(client, done))
                    .contains("Normal Completed Job completed")
                    .contains(
                        "Normal SuccessfulCreate Created pod: " + third.getMetadata().getName()));
  }

  @Test
  void failedPodsAreReplacedUntilTheBackoffLimitThenTheJobFails() {
    String ns = BatchTestSupport.newNamespace(client, "job");
    Job job = newJob(ns, "flaky", 1, 1, 1);

    await().until(() -> podsOf(job).size() == 1);
    BatchTestSupport.setPhase(client, podsOf(job).get(0), "Failed");
    // The sync that counts the failure does not replace the pod: the back-off (10 s) runs first.
    await().until(() -> get(job).getStatus().getFailed() == 1);
    assertThat(podsOf(job)).hasSize(1);

    // Once the controller's clock is past it, the next sync (here brought on by an annotation; the
    // controller requeues the Job for that moment itself) replaces the pod.
    clock.setNow(clock.instant().plusSeconds(11));
    client
        .batch()
        .v1()
        .jobs()
        .resource(get(job))
        .edit(
            j -> {
              j.getMetadata().setAnnotations(java.util.Map.of("poked", "true"));
              return j;
            });
    await().until(() -> podsOf(job).size() == 2);
    Pod second =
        podsOf(job).stream()
            .filter(p -> p.getStatus().getPhase().equals("Pending"))
            .findFirst()
            .orElseThrow();
    BatchTestSupport.setPhase(client, second, "Failed");

    await().until(() -> conditions(job).contains("Failed"));
    Job failed = get(job);
    JobCondition condition = failed.getStatus().getConditions().get(1);
    assertThat(condition.getReason()).isEqualTo("BackoffLimitExceeded");
    assertThat(condition.getMessage()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(failed.getStatus().getFailed()).isEqualTo(2);
    assertThat(podsOf(job)).hasSize(2);
    await()
        .untilAsserted(
            () ->
                assertThat(BatchTestSupport.events(client, failed))
                    .contains(
                        "Warning BackoffLimitExceeded Job has reached the specified backoff limit"));
  }

  @Test
  void deletingTheJobTakesItsPodsAlong() {
    String ns = BatchTestSupport.newNamespace(client, "job");
    Job job = newJob(ns, "gone", 1, 1, 6);
    await().until(() -> podsOf(job).size() == 1);
    client.batch().v1().jobs().resource(job).delete();
    await().until(() -> podsOf(job).isEmpty());
  }
}
