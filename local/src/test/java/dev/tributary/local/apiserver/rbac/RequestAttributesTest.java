package dev.tributary.local.apiserver.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.security.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestAttributesTest {

  private static final UserInfo BOB = new UserInfo("bob", "", List.of("system:authenticated"));

  /** verb, group, version, resource, subresource, namespace, name of a request, "-" for "". */
  @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET    | /api/v1/namespaces/default/events              | -                  | list    | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events              | watch=true         | watch   | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events              | watch=1&limit=5    | watch   | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events              | watch=false        | list    | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events              | watch=0            | list    | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events              | watch=             | watch   | -    | v1 | events      | -      | default | -",
        "GET    | /api/v1/namespaces/default/events/e1           | -                  | get     | -    | v1 | events      | -      | default | e1",
        "HEAD   | /api/v1/namespaces/default/events/e1           | -                  | get     | -    | v1 | events      | -      | default | e1",
        "POST   | /api/v1/namespaces/default/events              | -                  | create  | -    | v1 | events      | -      | default | -",
        "PUT    | /api/v1/namespaces/default/events/e1           | -                  | update  | -    | v1 | events      | -      | default | e1",
        "PATCH  | /api/v1/namespaces/default/events/e1           | -                  | patch   | -    | v1 | events      | -      | default | e1",
        "DELETE | /api/v1/namespaces/default/events/e1           | -                  | delete  | -    | v1 | events      | -      | default | e1",
        "DELETE | /api/v1/namespaces/default/events              | -                  | deletecollection | - | v1 | events | -     | default | -",
        "GET    | /api/v1/namespaces/ns/pods/p/log               | container=c        | get     | -    | v1 | pods        | log    | ns      | p",
        "PUT    | /api/v1/namespaces/ns/pods/p/status            | -                  | update  | -    | v1 | pods        | status | ns      | p",
        "GET    | /api/v1/events                                 | -                  | list    | -    | v1 | events      | -      | -       | -",
        "GET    | /api/v1/nodes/n1                               | -                  | get     | -    | v1 | nodes       | -      | -       | n1",
        "GET    | /api/v1/namespaces                             | -                  | list    | -    | v1 | namespaces  | -      | -       | -",
        "GET    | /api/v1/namespaces/kube-system                 | -                  | get     | -    | v1 | namespaces  | -      | kube-system | kube-system",
        "PUT    | /api/v1/namespaces/ns/finalize                 | -                  | update  | -    | v1 | namespaces  | finalize | ns    | ns",
        "GET    | /apis/apps/v1/namespaces/default/deployments   | -                  | list    | apps | v1 | deployments | -      | default | -",
        "PUT    | /apis/apps/v1/namespaces/d/deployments/x/scale | -                  | update  | apps | v1 | deployments | scale  | d       | x",
        "POST   | /apis/rbac.authorization.k8s.io/v1/clusterrolebindings | fieldManager=kubectl | create | rbac.authorization.k8s.io | v1 | clusterrolebindings | - | - | -",
        "POST   | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews | -          | create  | authorization.k8s.io | v1 | selfsubjectaccessreviews | - | - | -",
        "GET    | /apis/sources.knative.dev/v1/pingsources       | watch=true         | watch   | sources.knative.dev | v1 | pingsources | - | - | -",
        "GET    | /api/v1/watch/namespaces/default/pods          | -                  | watch   | -    | v1 | pods        | -      | default | -",
        "GET    | /api/v1/watch/namespaces/default/pods/p        | -                  | watch   | -    | v1 | pods        | -      | default | p",
        "GET    | /api/v1/proxy/namespaces/default/pods/p/x/y    | -                  | proxy   | -    | v1 | pods        | -      | default | p",
        "GET    | /api/v1/namespaces/default/configmaps          | fieldSelector=metadata.name%3Dcfg&watch=true | watch | - | v1 | configmaps | - | default | cfg",
        "GET    | /api/v1/namespaces/default/configmaps          | fieldSelector=metadata.name%3D%3Dcfg,a%3Db | list | - | v1 | configmaps | - | default | cfg",
        "GET    | /api/v1/namespaces/default/configmaps          | fieldSelector=metadata.name!%3Dcfg | list | - | v1 | configmaps | -  | default | -",
        "GET    | /api/v1/namespaces/default/configmaps          | fieldSelector=metadata.name%3Da%2Fb | list | - | v1 | configmaps | - | default | -",
        "GET    | /api/v1/namespaces/default/configmaps/         | -                  | list    | -    | v1 | configmaps  | -      | default | -",
      })
  void resourceRequestsAreDerivedAsKubeApiserverDerivesThem(
      String method,
      String path,
      String query,
      String verb,
      String group,
      String version,
      String resource,
      String subresource,
      String namespace,
      String name) {
    RequestAttributes a = RequestAttributes.fromHttp(BOB, method, path, dash(query));

    assertThat(a.resourceRequest()).isTrue();
    assertThat(a)
        .extracting(
            RequestAttributes::verb,
            RequestAttributes::apiGroup,
            RequestAttributes::apiVersion,
            RequestAttributes::resource,
            RequestAttributes::subresource,
            RequestAttributes::namespace,
            RequestAttributes::name)
        .containsExactly(
            verb, dash(group), version, resource, dash(subresource), dash(namespace), dash(name));
    assertThat(a.path()).isEqualTo(path);
    assertThat(a.user()).isEqualTo(BOB);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /version, get",
    "GET, /version/, get",
    "GET, /api, get",
    "GET, /api/v1, get",
    "GET, /apis, get",
    "GET, /apis/apps, get",
    "GET, /apis/apps/v1, get",
    "GET, /openapi/v3, get",
    "GET, /openapi/v3/apis/apps/v1, get",
    "GET, /healthz, get",
    "GET, /, get",
    "POST, /apis/apps, post",
    "HEAD, /healthz, head",
  })
  void everythingElseIsANonResourceRequestWithTheLowerCasedMethodAsVerb(
      String method, String path, String verb) {
    RequestAttributes a = RequestAttributes.fromHttp(BOB, method, path, "watch=true");

    assertThat(a.resourceRequest()).isFalse();
    assertThat(a.verb()).isEqualTo(verb);
    assertThat(a.path()).isEqualTo(path);
    assertThat(a.resource()).isEmpty();
    assertThat(a.namespace()).isEmpty();
  }

  @Test
  void aFieldSelectorPinsTheNameOnlyThroughAnEqualityOnMetadataName() {
    assertThat(RequestAttributes.exactMatch("a=b,metadata.name=x", "metadata.name")).hasValue("x");
    assertThat(RequestAttributes.exactMatch("metadata.name==x\\,y", "metadata.name"))
        .hasValue("x,y");
    assertThat(RequestAttributes.exactMatch("metadata.name!=x", "metadata.name")).isEmpty();
    assertThat(RequestAttributes.exactMatch("metadata.namespace=x", "metadata.name")).isEmpty();
    assertThat(RequestAttributes.exactMatch("", "metadata.name")).isEmpty();
  }

  @Test
  void withUserKeepsEverythingButWhoAsks() {
    RequestAttributes a =
        RequestAttributes.fromHttp(BOB, "GET", "/api/v1/namespaces/ns/pods/p/log", null);
    UserInfo alice = new UserInfo("alice", "u1", List.of());

    RequestAttributes b = a.withUser(alice);

    assertThat(b.user()).isEqualTo(alice);
    assertThat(b.withUser(BOB)).isEqualTo(a);
  }

  private static String dash(String value) {
    return value == null || value.equals("-") ? "" : value;
  }
}
