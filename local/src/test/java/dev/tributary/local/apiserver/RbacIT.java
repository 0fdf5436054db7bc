package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RBAC enforced for ServiceAccount tokens, the default policy, RBAC validation, access reviews. */
class RbacIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient admin;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    admin = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static String serviceAccountToken(String namespace, String name) throws Exception {
    var account =
        admin
            .serviceAccounts()
            .inNamespace(namespace)
            .resource(
                new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
            .create();
    return cluster.tokens.issueServiceAccountToken(namespace, name, account.getMetadata().getUid());
  }

  private static HttpResponse<String> getAs(String token, String path) throws Exception {
    return cluster.send(
        HttpRequest.newBuilder(URI.create(cluster.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  @Test
  void theDefaultPolicyExistsAsObjects() {
    assertThat(admin.rbac().clusterRoles().withName("cluster-admin").get()).isNotNull();
    assertThat(admin.rbac().clusterRoleBindings().withName("cluster-admin").get().getSubjects())
        .anySatisfy(s -> assertThat(s.getName()).isEqualTo("system:masters"));
  }

  @Test
  void aServiceAccountMayDoOnlyWhatItsBindingsGrant() throws Exception {
    String token = serviceAccountToken("default", "reader");

    HttpResponse<String> before = getAs(token, "/api/v1/namespaces/default/configmaps");
    assertThat(before.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(before.body()).path("message").asText())
        .isEqualTo(
            "configmaps is forbidden: User \"system:serviceaccount:default:reader\" cannot list"
                + " resource \"configmaps\" in API group \"\" in the namespace \"default\"");
    assertThat(getAs(token, "/version").statusCode()).as("discovery is open").isEqualTo(200);
    assertThat(getAs(token, "/apis").statusCode()).isEqualTo(200);

    admin
        .rbac()
        .roles()
        .inNamespace("default")
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("cm-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "list", "watch")
                .endRule()
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace("default")
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("reader-reads")
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName("cm-reader")
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("reader")
                .endSubject()
                .build())
        .create();

    assertThat(getAs(token, "/api/v1/namespaces/default/configmaps").statusCode()).isEqualTo(200);
    assertThat(getAs(token, "/api/v1/namespaces/kube-system/configmaps").statusCode())
        .isEqualTo(403);
    assertThat(getAs(token, "/api/v1/namespaces/default/secrets").statusCode()).isEqualTo(403);
  }

  @Test
  void aClusterRoleBindingToAServiceAccountNeedsItsNamespace() throws Exception {
    KubernetesClientException error = null;
    try {
      admin
          .rbac()
          .clusterRoleBindings()
          .resource(
              new ClusterRoleBindingBuilder()
                  .withNewMetadata()
                  .withName("no-namespace")
                  .endMetadata()
                  .withNewRoleRef()
                  .withApiGroup("rbac.authorization.k8s.io")
                  .withKind("ClusterRole")
                  .withName("view")
                  .endRoleRef()
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName("default")
                  .endSubject()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      error = e;
    }

    assertThat(error).isNotNull();
    assertThat(error.getCode()).isEqualTo(422);
    JsonNode status = JSON.valueToTree(error.getStatus());
    assertThat(status.path("message").asText())
        .isEqualTo(
            "ClusterRoleBinding.rbac.authorization.k8s.io \"no-namespace\" is invalid:"
                + " subjects[0].namespace: Required value");
    assertThat(status.path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("subjects[0].namespace");
  }

  @Test
  void selfSubjectAccessReviewsAnswerForTheCaller() throws Exception {
    String token = serviceAccountToken("default", "asker");
    HttpResponse<String> response =
        cluster.send(
            HttpRequest.newBuilder(
                    URI.create(
                        cluster.baseUrl()
                            + "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectAccessReview\","
                            + "\"spec\":{\"resourceAttributes\":{\"namespace\":\"default\",\"verb\":\"list\",\"resource\":\"pods\"}}}"))
                .build());
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(response.body()).path("status").path("allowed").asBoolean()).isFalse();

    SelfSubjectAccessReview asAdmin =
        admin
            .authorization()
            .v1()
            .selfSubjectAccessReview()
            .create(
                new SelfSubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withNewResourceAttributes()
                    .withNamespace("default")
                    .withVerb("delete")
                    .withResource("pods")
                    .endResourceAttributes()
                    .endSpec()
                    .build());
    assertThat(asAdmin.getStatus().getAllowed()).isTrue();
  }
}
