package dev.tributary.local.apiserver.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.security.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenStatusTest {

  private static final UserInfo SA = UserInfo.serviceAccount("default", "events-sa", "");

  @Test
  void aNamespacedCollectionRequest() {
    RequestAttributes a =
        RequestAttributes.fromHttp(SA, "GET", "/api/v1/namespaces/default/events", "watch=1");
    Decision denied = Decision.deny(a, "");

    assertThat(ForbiddenStatus.statusMessage(a, denied))
        .isEqualTo(
            "events is forbidden: User \"system:serviceaccount:default:events-sa\" cannot watch"
                + " resource \"events\" in API group \"\" in the namespace \"default\"");
    ObjectNode status = ForbiddenStatus.status(a, denied);
    assertThat(status.toString())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"events is forbidden: User"
                + " \\\"system:serviceaccount:default:events-sa\\\" cannot watch resource"
                + " \\\"events\\\" in API group \\\"\\\" in the namespace \\\"default\\\"\","
                + "\"reason\":\"Forbidden\",\"details\":{\"kind\":\"events\"},\"code\":403}");
  }

  @Test
  void aNamedClusterScopedObjectOfAGroup() {
    RequestAttributes a =
        RequestAttributes.fromHttp(
            SA, "DELETE", "/apis/rbac.authorization.k8s.io/v1/clusterroles/event-watcher", null);
    Decision denied = Decision.deny(a, "");

    assertThat(ForbiddenStatus.statusMessage(a, denied))
        .isEqualTo(
            "clusterroles.rbac.authorization.k8s.io \"event-watcher\" is forbidden: User"
                + " \"system:serviceaccount:default:events-sa\" cannot delete resource"
                + " \"clusterroles\" in API group \"rbac.authorization.k8s.io\" at the cluster"
                + " scope");
    ObjectNode details = (ObjectNode) ForbiddenStatus.status(a, denied).get("details");
    assertThat(details.toString())
        .isEqualTo(
            "{\"name\":\"event-watcher\",\"group\":\"rbac.authorization.k8s.io\","
                + "\"kind\":\"clusterroles\"}");
  }

  @Test
  void aSubresourceIsNamedWithItsResource() {
    RequestAttributes a =
        RequestAttributes.fromHttp(SA, "GET", "/api/v1/namespaces/ns/pods/busybox/log", null);

    assertThat(ForbiddenStatus.statusMessage(a, Decision.deny(a, "")))
        .isEqualTo(
            "pods \"busybox\" is forbidden: User \"system:serviceaccount:default:events-sa\""
                + " cannot get resource \"pods/log\" in API group \"\" in the namespace \"ns\"");
  }

  @Test
  void aNonResourceUrlHasEmptyDetails() {
    UserInfo anonymous = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));
    RequestAttributes a = RequestAttributes.fromHttp(anonymous, "GET", "/", null);
    Decision denied = Decision.deny(a, "");

    assertThat(ForbiddenStatus.statusMessage(a, denied))
        .isEqualTo("forbidden: User \"system:anonymous\" cannot get path \"/\"");
    assertThat(ForbiddenStatus.status(a, denied).get("details").isEmpty()).isTrue();
  }

  @Test
  void theAuthorizersReasonFollowsTheMessageAndMarkupIsEscaped() {
    UserInfo odd = new UserInfo("a<b>&\"c\"", "", List.of());
    RequestAttributes a = RequestAttributes.resource(odd, "get", "", "pods", "", "ns", "");
    Decision denied = Decision.deny(a, "RBAC: role.rbac.authorization.k8s.io \"r\" not found");

    assertThat(denied.reason())
        .isEqualTo(
            "User \"a&lt;b&gt;&amp;\\\"c\\\"\" cannot get resource \"pods\" in API group \"\" in"
                + " the namespace \"ns\": RBAC: role.rbac.authorization.k8s.io \"r\" not found");
  }
}
