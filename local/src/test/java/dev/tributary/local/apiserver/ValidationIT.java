package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.Kubectl.Result;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in kinds' validation end to end: bad manifests answer 422 Invalid with Kubernetes' field
 * causes through fabric8, raw HTTP and kubectl; the walkthrough's manifests still apply.
 */
class ValidationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples");

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

  @Test
  void deploymentWithEmptySelectorAndTemplateIsInvalid() {
    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .resource(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: d2, namespace: default}
                        spec: {selector: {}, template: {}}
                        """)
                    .create());

    assertThat(e).isNotNull();
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
    assertThat(e.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getReason, StatusCause::getField)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FieldValueInvalid", "spec.selector"),
            org.assertj.core.groups.Tuple.tuple(
                "FieldValueRequired", "spec.template.spec.containers"));
    assertThat(client.apps().deployments().inNamespace("default").withName("d2").get()).isNull();
  }

  @Test
  void aBadNameIsReportedWithTheObjectsOtherErrors() {
    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .resource(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: Bad_Name, namespace: default}
                        spec: {selector: {}, template: {}}
                        """)
                    .create());

    assertThat(e).isNotNull();
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField)
        .containsExactly("metadata.name", "spec.selector", "spec.template.spec.containers");
  }

  @Test
  void statusMessageListsEveryCause() throws Exception {
    String body =
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"bad-svc"},
         "spec":{"ports":[{"port":80},{"port":70000,"protocol":"HTTP"}]}}
        """;
    var response =
        cluster.send(
            cluster
                .request("/api/v1/namespaces/default/services")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("message").asText())
        .isEqualTo(
            "Service \"bad-svc\" is invalid: [spec.ports[0].name: Required value,"
                + " spec.ports[1].name: Required value, spec.ports[1].port: Invalid value: 70000:"
                + " must be between 1 and 65535, inclusive, spec.ports[1].protocol: Unsupported"
                + " value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\","
                // defaulting copies the port to targetPort before validation, as upstream does
                + " spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535,"
                + " inclusive]");
    assertThat(status.path("details").path("causes")).hasSize(5);
  }

  @Test
  void jobGetsAGeneratedSelectorAndItsTemplateStays() {
    Job job =
        (Job)
            client
                .resource(
                    """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: once, namespace: default}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
                """)
                .create();

    String uid = job.getMetadata().getUid();
    Map<String, String> selector = job.getSpec().getSelector().getMatchLabels();
    assertThat(selector).isEqualTo(Map.of("batch.kubernetes.io/controller-uid", uid));
    Map<String, String> labels = job.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(labels).containsEntry("job-name", "once").containsEntry("controller-uid", uid);

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .batch()
                    .v1()
                    .jobs()
                    .inNamespace("default")
                    .withName("once")
                    .edit(
                        j -> {
                          j.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("x");
                          return j;
                        }));
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField)
        .containsExactly("spec.template");
  }

  @Test
  void deploymentSelectorIsImmutable() {
    client
        .resource(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: fixed, namespace: default}
            spec:
              selector: {matchLabels: {app: fixed}}
              template:
                metadata: {labels: {app: fixed, tier: web}}
                spec: {containers: [{name: c, image: nginx}]}
            """)
        .create();

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () ->
                client
                    .apps()
                    .deployments()
                    .inNamespace("default")
                    .withName("fixed")
                    .edit(
                        d -> {
                          d.getSpec().getSelector().getMatchLabels().put("tier", "web");
                          return d;
                        }));
    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getMessage)
        .containsExactly(
            "Invalid value: &LabelSelector{MatchLabels:map[string]string{app: fixed,tier:"
                + " web,},MatchExpressions:[]LabelSelectorRequirement{},}: field is immutable");
  }

  @Test
  void aForgedUidIsRefusedOnUpdate() {
    var created =
        client
            .configMaps()
            .inNamespace("default")
            .resource(
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("uid-check")
                    .endMetadata()
                    .build())
            .create();
    created.getMetadata().setUid("forged");

    KubernetesClientException e =
        catchThrowableOfType(
            KubernetesClientException.class,
            () -> client.configMaps().inNamespace("default").resource(created).update());

    assertThat(e.getCode()).isEqualTo(422);
    assertThat(e.getStatus().getMessage())
        .isEqualTo(
            "ConfigMap \"uid-check\" is invalid: metadata.uid: Invalid value: \"forged\": field is"
                + " immutable");
  }

  @Test
  void kubectlAppliesTheWalkthroughAndReportsBadManifests() throws Exception {
    if (!Kubectl.installed()) {
      return; // the fabric8 and HTTP tests above cover the server side
    }
    for (String example : List.of("event-display.yaml", "cronjob.yaml", "rbac-corrected.yaml")) {
      Result applied = kubectl("apply", "-f", EXAMPLES.resolve(example).toString());
      assertThat(applied.exitCode()).as(example + ": " + applied.output()).isZero();
      assertThat(applied.output()).contains("created");
    }

    Path bad = temp.resolve("bad.yaml");
    Files.writeString(
        bad,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: no-containers}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: b}}
        """);
    Result rejected = kubectl("apply", "-f", bad.toString());
    assertThat(rejected.exitCode()).isNotZero();
    assertThat(rejected.output())
        .contains("The Deployment \"no-containers\" is invalid:")
        .contains(
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"b\"}:"
                + " `selector` does not match template `labels`")
        .contains("spec.template.spec.containers: Required value");
  }

  private static Result kubectl(String... args) throws Exception {
    return new Kubectl(temp.resolve("home"), cluster.kubeconfig).run(args);
  }
}
