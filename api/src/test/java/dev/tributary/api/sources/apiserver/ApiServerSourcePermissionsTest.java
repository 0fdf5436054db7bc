package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions.Missing;
import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions.ResourceAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerSourcePermissionsTest {

  @Test
  void userIsTheServiceAccountDefaultingToDefault() {
    assertThat(ApiServerSourcePermissions.serviceAccountUser("ns", "events-sa"))
        .isEqualTo("system:serviceaccount:ns:events-sa");
    assertThat(ApiServerSourcePermissions.serviceAccountUser("ns", ""))
        .isEqualTo("system:serviceaccount:ns:default");
    assertThat(ApiServerSourcePermissions.serviceAccountUser("ns", null))
        .isEqualTo("system:serviceaccount:ns:default");
  }

  @Test
  void checksEveryResourceInEveryNamespaceInUpstreamsOrder() {
    assertThat(ApiServerSourcePermissions.VERBS).containsExactly("get", "list", "watch");
    assertThat(
            ApiServerSourcePermissions.required(
                List.of(
                    ApiVersionKindSelector.of("v1", "Event"),
                    ApiVersionKindSelector.of("gateway.networking.k8s.io/v1", "Gateway")),
                List.of("a", "b")))
        .containsExactly(
            new ResourceAccess("", "events", "a"),
            new ResourceAccess("", "events", "b"),
            new ResourceAccess("gateway.networking.k8s.io", "gatewaies", "a"),
            new ResourceAccess("gateway.networking.k8s.io", "gatewaies", "b"));
  }

  @Test
  void formatsUpstreamsMessage() {
    String user = "system:serviceaccount:default:events-sa";
    List<Missing> missing =
        List.of(
            new Missing(new ResourceAccess("", "events", "default"), List.of("get", "watch")),
            new Missing(new ResourceAccess("apps", "deployments", "ns2"), List.of("list")));
    assertThat(ApiServerSourcePermissions.insufficientPermissionsMessage(user, missing))
        .isEqualTo(
            "User system:serviceaccount:default:events-sa cannot get, watch resource \"events\""
                + " in API group \"\" in Namespace \"default\", list resource \"deployments\" in"
                + " API group \"apps\" in Namespace \"ns2\"");
    assertThat(ApiServerSourcePermissions.insufficientPermissionsError(user, missing))
        .startsWith("insufficient permissions: User system:serviceaccount:default:events-sa");
  }

  @Test
  void theSkipAnnotationMustBeExactlyTrue() {
    String key = "features.knative.dev/apiserversource-skip-permissions-check";
    assertThat(ApiServerSourcePermissions.skipsCheck(Map.of(key, "true"))).isTrue();
    assertThat(ApiServerSourcePermissions.skipsCheck(Map.of(key, "True"))).isFalse();
    assertThat(ApiServerSourcePermissions.skipsCheck(Map.of())).isFalse();
    assertThat(ApiServerSourcePermissions.skipsCheck(null)).isFalse();
  }
}
