package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/**
 * RBAC for ServiceAccount identities: 403 Forbidden until a RoleBinding grants the verb, and
 * SelfSubjectAccessReview / SubjectAccessReview answering with the same rules.
 */
public abstract class RbacContract extends ApiServerContract {

  private ServiceAccount serviceAccount(String name) {
    ServiceAccount account =
        admin
            .serviceAccounts()
            .inNamespace(ns)
            .resource(
                new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
            .create();
    return account;
  }

  private KubernetesClient clientFor(ServiceAccount account) throws Exception {
    return newClient(target().serviceAccountConfig(account));
  }

  private void grantConfigMapReading(String account) {
    admin
        .rbac()
        .roles()
        .inNamespace(ns)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(account + "-reads")
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
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(account + "-reads")
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName(account + "-reads")
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(account)
                .withNamespace(ns)
                .endSubject()
                .build())
        .create();
  }

  private static boolean mayListConfigMaps(KubernetesClient client, String namespace) {
    try {
      client.configMaps().inNamespace(namespace).list();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return false;
      }
      throw e;
    }
  }

  @Test
  void aServiceAccountWithoutBindingsIsForbiddenUntilARoleBindingGrantsTheVerb() throws Exception {
    KubernetesClient reader = clientFor(serviceAccount("reader"));

    KubernetesClientException forbidden = failure(() -> reader.configMaps().inNamespace(ns).list());
    assertThat(forbidden.getCode()).isEqualTo(403);
    assertThat(forbidden.getStatus().getReason()).isEqualTo("Forbidden");
    assertThat(forbidden.getStatus().getDetails().getKind()).isEqualTo("configmaps");
    assertThat(forbidden.getStatus().getMessage())
        .isEqualTo(
            "configmaps is forbidden: User \"system:serviceaccount:"
                + ns
                + ":reader\" cannot list resource \"configmaps\" in API group \"\" in the"
                + " namespace \""
                + ns
                + "\"");

    grantConfigMapReading("reader");

    eventually().until(() -> mayListConfigMaps(reader, ns));
    KubernetesClientException stillForbidden =
        failure(
            () ->
                reader
                    .configMaps()
                    .inNamespace(ns)
                    .resource(configMap("written", java.util.Map.of(), java.util.Map.of()))
                    .create());
    assertThat(stillForbidden.getCode()).isEqualTo(403);
    assertThat(stillForbidden.getStatus().getMessage())
        .isEqualTo(
            "configmaps is forbidden: User \"system:serviceaccount:"
                + ns
                + ":reader\" cannot create resource \"configmaps\" in API group \"\" in the"
                + " namespace \""
                + ns
                + "\"");
    assertThat(mayListConfigMaps(reader, "default")).isFalse();
  }

  @Test
  void selfSubjectAccessReviewsAnswerForTheCaller() throws Exception {
    KubernetesClient asker = clientFor(serviceAccount("asker"));

    assertThat(selfReview(asker, "list", "configmaps").getStatus().getAllowed()).isFalse();

    grantConfigMapReading("asker");

    eventually().until(() -> selfReview(asker, "list", "configmaps").getStatus().getAllowed());
    assertThat(selfReview(asker, "delete", "configmaps").getStatus().getAllowed()).isFalse();
    assertThat(selfReview(admin, "delete", "secrets").getStatus().getAllowed()).isTrue();
  }

  @Test
  void subjectAccessReviewsAnswerForTheNamedUser() {
    serviceAccount("subject");
    grantConfigMapReading("subject");
    String user = "system:serviceaccount:" + ns + ":subject";

    eventually().until(() -> review(user, "get", "configmaps").getStatus().getAllowed());
    SubjectAccessReview denied = review(user, "delete", "secrets");
    assertThat(denied.getStatus().getAllowed()).isFalse();
    assertThat(denied.getStatus().getDenied()).isNotEqualTo(Boolean.TRUE);
    assertThat(
            review("system:serviceaccount:" + ns + ":nobody", "get", "configmaps")
                .getStatus()
                .getAllowed())
        .isFalse();
  }

  private SelfSubjectAccessReview selfReview(
      KubernetesClient client, String verb, String resource) {
    return client
        .authorization()
        .v1()
        .selfSubjectAccessReview()
        .create(
            new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withNamespace(ns)
                .withVerb(verb)
                .withResource(resource)
                .endResourceAttributes()
                .endSpec()
                .build());
  }

  private SubjectAccessReview review(String user, String verb, String resource) {
    return admin
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(
            new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withUser(user)
                .withGroups(
                    "system:serviceaccounts",
                    "system:serviceaccounts:" + ns,
                    "system:authenticated")
                .withNewResourceAttributes()
                .withNamespace(ns)
                .withVerb(verb)
                .withResource(resource)
                .endResourceAttributes()
                .endSpec()
                .build());
  }
}
