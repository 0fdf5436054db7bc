package dev.tributary.local.apiserver.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough's rbac.yaml (a ServiceAccount, a ClusterRole reading events, a
 * ClusterRoleBinding), verbatim and corrected, through validation, the authorizer, impersonation
 * and a SelfSubjectAccessReview as {@code kubectl auth can-i list events
 * --as=system:serviceaccount:default:events-sa} sends it.
 */
class WalkthroughRbacTest {

  private static final UserInfo ADMIN =
      new UserInfo("kubernetes-admin", "", List.of("system:masters", "system:authenticated"));
  private static final String EVENTS_SA = "system:serviceaccount:default:events-sa";

  /** What the server would store: every object of the manifest that validation accepts. */
  private static List<ObjectNode> accepted(List<ObjectNode> manifest) {
    List<ObjectNode> stored = new ArrayList<>();
    for (ObjectNode object : manifest) {
      if (!object.get("apiVersion").asText().startsWith("rbac.authorization.k8s.io/")
          || RbacValidation.validate(object).isEmpty()) {
        stored.add(RbacDefaults.withDefaults(object));
      }
    }
    return stored;
  }

  /** {@code kubectl auth can-i VERB RESOURCE --as=events-sa} in namespace default. */
  private static boolean canI(List<ObjectNode> stored, String verb, String resource) {
    Authorizer rbac = new RbacAuthorizer(InMemoryRbacObjects.withBootstrapPolicy(stored));
    var outcome =
        Impersonation.resolve(ADMIN, Map.of("Impersonate-User", List.of(EVENTS_SA)), rbac);
    UserInfo sa = ((Impersonation.Outcome.Impersonating) outcome).user();
    RequestAttributes post =
        RequestAttributes.fromHttp(
            sa, "POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", null);
    assertThat(rbac.authorize(post).allowed()).as("any authenticated user may ask").isTrue();
    ObjectNode review =
        Objects.yaml(
            """
            {"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1",
             "metadata":{"creationTimestamp":null},
             "spec":{"resourceAttributes":{"namespace":"default","verb":"%s","resource":"%s"}},
             "status":{"allowed":false}}
            """
                .formatted(verb, resource));
    return new AccessReviews(rbac)
        .selfSubjectAccessReview(review, sa)
        .at("/status/allowed")
        .asBoolean();
  }

  @Test
  void theVerbatimManifestsBindingIsRejectedBecauseItsServiceAccountHasNoNamespace() {
    List<ObjectNode> manifest = Objects.resource("/rbac/walkthrough-rbac.yaml");
    ObjectNode binding = manifest.get(2);

    assertThat(manifest)
        .extracting(o -> o.get("kind").asText())
        .containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding");
    assertThat(binding.at("/subjects/0/name").asText())
        .as("the second name: wins, as with kubectl's YAML reader")
        .isEqualTo("default");
    assertThat(RbacValidation.validate(manifest.get(1))).isEmpty();
    List<FieldCause> causes = RbacValidation.validate(binding);
    assertThat(causes)
        .containsExactly(
            new FieldCause("subjects[0].namespace", "FieldValueRequired", "Required value"));
    assertThat(InvalidObject.of(binding, causes).message())
        .isEqualTo(
            "ClusterRoleBinding.rbac.authorization.k8s.io \"k8s-ra-event-watcher\" is invalid:"
                + " subjects[0].namespace: Required value");

    List<ObjectNode> stored = accepted(manifest);
    assertThat(stored)
        .extracting(o -> o.get("kind").asText())
        .containsExactly("ServiceAccount", "ClusterRole");
    assertThat(canI(stored, "list", "events")).isFalse();
  }

  @Test
  void theCorrectedManifestLetsEventsSaReadEventsInDefaultButNotPods() {
    List<ObjectNode> manifest = Objects.resource("/rbac/walkthrough-rbac-corrected.yaml");
    for (ObjectNode object : manifest.subList(1, 3)) {
      assertThat(RbacValidation.validate(object)).isEmpty();
    }
    List<ObjectNode> stored = accepted(manifest);

    assertThat(canI(stored, "get", "events")).isTrue();
    assertThat(canI(stored, "list", "events")).isTrue();
    assertThat(canI(stored, "watch", "events")).isTrue();
    assertThat(canI(stored, "create", "events")).isFalse();
    assertThat(canI(stored, "list", "pods")).isFalse();
    assertThat(canI(stored, "get", "pods")).isFalse();

    Authorizer rbac = new RbacAuthorizer(InMemoryRbacObjects.withBootstrapPolicy(stored));
    UserInfo sa = UserInfo.serviceAccount("default", "events-sa", "uid");
    Decision watch =
        rbac.authorize(
            RequestAttributes.fromHttp(
                sa, "GET", "/api/v1/namespaces/default/events", "watch=true&resourceVersion=5"));
    assertThat(watch.allowed()).isTrue();
    assertThat(watch.reason())
        .isEqualTo(
            "RBAC: allowed by ClusterRoleBinding \"k8s-ra-event-watcher\" of ClusterRole"
                + " \"event-watcher\" to ServiceAccount \"events-sa/default\"");
    RequestAttributes listPods =
        RequestAttributes.fromHttp(sa, "GET", "/api/v1/namespaces/default/pods", "limit=500");
    Decision pods = rbac.authorize(listPods);
    assertThat(pods.allowed()).isFalse();
    assertThat(ForbiddenStatus.statusMessage(listPods, pods))
        .isEqualTo(
            "pods is forbidden: User \"system:serviceaccount:default:events-sa\" cannot list"
                + " resource \"pods\" in API group \"\" in the namespace \"default\"");
  }
}
