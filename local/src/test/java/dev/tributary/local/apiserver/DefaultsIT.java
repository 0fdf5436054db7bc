package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in defaults and cluster IPs as fabric8 sees them on a real server. */
class DefaultsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Service service(String name, String clusterIp) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withClusterIP(clusterIp)
        .withSelector(Map.of("app", name))
        .addNewPort()
        .withPort(80)
        .endPort()
        .endSpec()
        .build();
  }

  @Test
  void aCronJobIsNotSuspendedAndKeepsThreeSuccessfulJobs() {
    CronJob created =
        client
            .batch()
            .v1()
            .cronjobs()
            .inNamespace("default")
            .resource(
                new CronJobBuilder()
                    .withNewMetadata()
                    .withName("tick")
                    .endMetadata()
                    .withNewSpec()
                    .withSchedule("* * * * *")
                    .withNewJobTemplate()
                    .withNewSpec()
                    .withNewTemplate()
                    .withNewSpec()
                    .withRestartPolicy("Never")
                    .addNewContainer()
                    .withName("tick")
                    .withImage("busybox")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .endJobTemplate()
                    .endSpec()
                    .build())
            .create();

    assertThat(created.getSpec().getSuspend()).isFalse();
    assertThat(created.getSpec().getConcurrencyPolicy()).isEqualTo("Allow");
    assertThat(created.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
    assertThat(created.getSpec().getFailedJobsHistoryLimit()).isEqualTo(1);
    var podSpec = created.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(podSpec.getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
    assertThat(podSpec.getDnsPolicy()).isEqualTo("ClusterFirst");
  }

  @Test
  void servicesGetDistinctClusterIpsFromTheLoopbackRange() {
    var services = client.services().inNamespace("default");
    Service a = services.resource(service("ip-a", null)).create();
    Service b = services.resource(service("ip-b", null)).create();

    assertThat(a.getSpec().getClusterIP()).startsWith("127.96.");
    assertThat(a.getSpec().getClusterIPs()).containsExactly(a.getSpec().getClusterIP());
    assertThat(b.getSpec().getClusterIP())
        .startsWith("127.96.")
        .isNotEqualTo(a.getSpec().getClusterIP());
    assertThat(a.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(a.getSpec().getSessionAffinity()).isEqualTo("None");
    assertThat(a.getSpec().getIpFamilies()).containsExactly("IPv4");
    assertThat(a.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
    assertThat(a.getSpec().getInternalTrafficPolicy()).isEqualTo("Cluster");
    assertThat(a.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(a.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(80));

    String taken = a.getSpec().getClusterIP();
    assertThatThrownBy(() -> services.resource(service("ip-c", taken)).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getMessage())
                  .isEqualTo(
                      "Service \"ip-c\" is invalid: spec.clusterIPs: Invalid value: []string{\""
                          + taken
                          + "\"}: failed to allocate IP "
                          + taken
                          + ": provided IP is already allocated");
            });

    services.withName("ip-a").delete();
    Service c = services.resource(service("ip-c", taken)).create();
    assertThat(c.getSpec().getClusterIP()).isEqualTo(taken);
  }

  @Test
  void headlessAndExternalNameServicesGetNoAddress() {
    var services = client.services().inNamespace("default");
    Service headless = services.resource(service("headless", "None")).create();
    Service external =
        services
            .resource(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("external")
                    .endMetadata()
                    .withNewSpec()
                    .withType("ExternalName")
                    .withExternalName("example.com")
                    .endSpec()
                    .build())
            .create();

    assertThat(headless.getSpec().getClusterIPs()).containsExactly("None");
    assertThat(external.getSpec().getClusterIP()).isNull();
    assertThat(external.getSpec().getIpFamilies()).isEmpty();
  }

  @Test
  void aPatchedServiceKeepsItsAddress() {
    var services = client.services().inNamespace("default");
    Service created = services.resource(service("patched", null)).create();

    Service patched =
        services
            .withName("patched")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"ports\":[{\"port\":81}]}}");

    assertThat(patched.getSpec().getClusterIP()).isEqualTo(created.getSpec().getClusterIP());
    assertThat(patched.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(81));
    assertThat(patched.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
  }

  @Test
  void aDeploymentAndItsTemplateAreDefaultedAndAReplaceWithoutDefaultsIsANoOp() throws Exception {
    Deployment created =
        client
            .apps()
            .deployments()
            .inNamespace("default")
            .resource(
                new DeploymentBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .endMetadata()
                    .withNewSpec()
                    .withNewSelector()
                    .addToMatchLabels("app", "web")
                    .endSelector()
                    .withNewTemplate()
                    .withNewMetadata()
                    .addToLabels("app", "web")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("web")
                    .withImage("nginx:1.27")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build())
            .create();

    assertThat(created.getSpec().getReplicas()).isEqualTo(1);
    assertThat(created.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(created.getSpec().getStrategy().getRollingUpdate().getMaxSurge())
        .isEqualTo(new IntOrString("25%"));
    assertThat(created.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(created.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
    var podSpec = created.getSpec().getTemplate().getSpec();
    assertThat(podSpec.getRestartPolicy()).isEqualTo("Always");
    assertThat(podSpec.getTerminationGracePeriodSeconds()).isEqualTo(30L);
    assertThat(podSpec.getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");

    // A PUT of the bare manifest: once defaulted it equals what is stored, so nothing changes.
    String rv = created.getMetadata().getResourceVersion();
    String bare =
        """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","resourceVersion":"%s"},
         "spec":{"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
        """
            .formatted(rv);
    HttpResponse<String> response =
        cluster.send(
            cluster
                .request("/apis/apps/v1/namespaces/default/deployments/web")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(bare))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode replaced = JSON.readTree(response.body());
    assertThat(replaced.path("metadata").path("resourceVersion").asText()).isEqualTo(rv);
    assertThat(replaced.path("metadata").path("generation").asLong()).isEqualTo(1);
  }

  @Test
  void aPodIsPendingAndRunsAsTheDefaultServiceAccount() {
    Pod pod =
        client
            .pods()
            .inNamespace("default")
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("solo")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("app")
                    .withImage("nginx")
                    .addNewPort()
                    .withContainerPort(8080)
                    .endPort()
                    .endContainer()
                    .endSpec()
                    .build())
            .create();

    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pod.getStatus().getQosClass()).isEqualTo("BestEffort");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("default");
    assertThat(pod.getSpec().getEnableServiceLinks()).isTrue();
    assertThat(pod.getSpec().getSchedulerName()).isEqualTo("default-scheduler");
    assertThat(pod.getSpec().getContainers().get(0).getTerminationMessagePath())
        .isEqualTo("/dev/termination-log");
    assertThat(pod.getSpec().getContainers().get(0).getPorts().get(0).getProtocol())
        .isEqualTo("TCP");
  }

  @Test
  void aJobSelectsItsPodsByUid() {
    Job job =
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace("default")
            .resource(
                new JobBuilder()
                    .withNewMetadata()
                    .withName("once")
                    .endMetadata()
                    .withNewSpec()
                    .withNewTemplate()
                    .withNewSpec()
                    .withRestartPolicy("Never")
                    .addNewContainer()
                    .withName("once")
                    .withImage("busybox:1.36")
                    .endContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build())
            .create();

    String uid = job.getMetadata().getUid();
    assertThat(job.getSpec().getSelector().getMatchLabels())
        .containsExactly(Map.entry("batch.kubernetes.io/controller-uid", uid));
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("controller-uid", uid)
        .containsEntry("batch.kubernetes.io/job-name", "once")
        .containsEntry("job-name", "once");
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(6);
    assertThat(job.getSpec().getCompletions()).isEqualTo(1);
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("NonIndexed");
    assertThat(job.getSpec().getSuspend()).isFalse();
  }

  @Test
  void aNamespaceCarriesTheKubernetesFinalizerAndStillDeletes() {
    client
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("finalized")
                .endMetadata()
                .build())
        .create();
    assertThat(client.namespaces().withName("finalized").get().getSpec().getFinalizers())
        .containsExactly("kubernetes");

    client.namespaces().withName("finalized").delete();

    org.awaitility.Awaitility.await()
        .until(() -> client.namespaces().withName("finalized").get() == null);
  }

  @Test
  void allocationsSurviveARestart() throws Exception {
    Path dir = temp.resolve("restart");
    String address;
    try (TestCluster first = TestCluster.start(dir)) {
      address =
          first
              .client()
              .services()
              .inNamespace("default")
              .resource(service("kept", null))
              .create()
              .getSpec()
              .getClusterIP();
    }
    try (TestCluster second = TestCluster.start(dir)) {
      var services = second.client().services().inNamespace("default");
      assertThatThrownBy(() -> services.resource(service("thief", address)).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("provided IP is already allocated");
      for (int i = 0; i < 3; i++) {
        assertThat(services.resource(service("new-" + i, null)).create().getSpec().getClusterIP())
            .isNotEqualTo(address);
      }
    }
  }
}
