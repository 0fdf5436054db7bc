package dev.tributary.local.kube.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CronJob and Job controllers together against the local API server, with the walkthrough's
 * batch/v1beta1 CronJob; the controllers' clock is moved ahead so activations come within seconds.
 */
class CronJobControllerIT {

  private static final String CRONJOB =
      """
      apiVersion: batch/v1beta1
      kind: CronJob
      metadata:
        name: heartbeat-cron
      spec:
        schedule: "* * * * *"
        successfulJobsHistoryLimit: 1
        jobTemplate:
          metadata:
            labels:
              app: heartbeat-cron
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: single-heartbeat
                  image: docker.io/coldtea214/heartbeats:1.0
                  args:
                  - --period=1
      """;

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static ConditionFactory await() {
    return Awaitility.await().atMost(Duration.ofSeconds(20));
  }

  @Test
  void runsTheWalkthroughsV1beta1CronJobEveryMinuteAndKeepsTheHistoryLimit() throws Exception {
    String ns = BatchTestSupport.newNamespace(client, "cron");
    AdjustableClock clock = new AdjustableClock();
    try (JobController jobs = new JobController(client, clock);
        CronJobController cronJobs = new CronJobController(client, clock)) {
      jobs.start().get(30, TimeUnit.SECONDS);
      cronJobs.start().get(30, TimeUnit.SECONDS);
      GenericKubernetesResource created =
          client
              .genericKubernetesResources("batch/v1beta1", "CronJob")
              .inNamespace(ns)
              .resource(Serialization.unmarshal(CRONJOB, GenericKubernetesResource.class))
              .create();
      // Jump to 50 s into the minute after the creation, and have the CronJob looked at again:
      // that minute's activation is due at once, the next one 10 s later.
      Instant creation = Instant.parse(created.getMetadata().getCreationTimestamp());
      clock.setNow(creation.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofSeconds(60 + 50)));
      CronJob cronJob =
          client
              .batch()
              .v1()
              .cronjobs()
              .inNamespace(ns)
              .withName("heartbeat-cron")
              .edit(
                  c ->
                      new CronJobBuilder(c)
                          .editMetadata()
                          .addToLabels("poke", "1")
                          .endMetadata()
                          .build());

      // Jobs are named by their scheduled minute.
      long minute = creation.getEpochSecond() / 60 + 1;
      String firstName = "heartbeat-cron-" + minute;
      String secondName = "heartbeat-cron-" + (minute + 1);
      Job firstJob = await().until(() -> job(ns, firstName), j -> j != null);
      assertThat(firstJob.getMetadata().getLabels()).containsEntry("app", "heartbeat-cron");
      assertThat(firstJob.getMetadata().getOwnerReferences().get(0).getUid())
          .isEqualTo(cronJob.getMetadata().getUid());
      await().untilAsserted(() -> assertThat(activeNames(ns)).contains(firstName));

      assertThat(lastScheduleTime(ns)).isIn(Instant.ofEpochSecond(minute * 60).toString(), null);
      succeedPodOf(firstJob);
      await()
          .untilAsserted(
              () ->
                  assertThat(BatchTestSupport.events(client, cronJob))
                      .contains(
                          "Normal SuccessfulCreate Created job " + firstName,
                          "Normal SawCompletedJob Saw completed job: "
                              + firstName
                              + ", condition: Complete"));
      assertThat(cronJob(ns).getStatus().getLastSuccessfulTime()).isNotNull();

      Job secondJob =
          Awaitility.await()
              .atMost(Duration.ofSeconds(40))
              .until(() -> job(ns, secondName), j -> j != null);
      succeedPodOf(secondJob);
      // Only one successful Job is kept: the first goes once the second is complete.
      await().until(() -> job(ns, firstName) == null);
      await()
          .untilAsserted(
              () ->
                  assertThat(BatchTestSupport.events(client, cronJob))
                      .contains("Normal SuccessfulDelete Deleted job " + firstName));
      assertThat(job(ns, secondName)).isNotNull();
    }
  }

  private static List<String> activeNames(String ns) {
    CronJob current = cronJob(ns);
    if (current.getStatus() == null || current.getStatus().getActive() == null) {
      return List.of();
    }
    return current.getStatus().getActive().stream().map(r -> r.getName()).toList();
  }

  private static String lastScheduleTime(String ns) {
    CronJob current = cronJob(ns);
    return current.getStatus() == null ? null : current.getStatus().getLastScheduleTime();
  }

  private static Job job(String ns, String name) {
    return client.batch().v1().jobs().inNamespace(ns).withName(name).get();
  }

  private static CronJob cronJob(String ns) {
    return client.batch().v1().cronjobs().inNamespace(ns).withName("heartbeat-cron").get();
  }

  private static void succeedPodOf(Job job) {
    List<Pod> pods =
        await()
            .until(
                () ->
                    client
                        .pods()
                        .inNamespace(job.getMetadata().getNamespace())
                        .withLabel(JobPods.JOB_NAME, job.getMetadata().getName())
                        .list()
                        .getItems(),
                list -> !list.isEmpty());
    BatchTestSupport.setPhase(client, pods.get(0), "Succeeded");
  }
}
