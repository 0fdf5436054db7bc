package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupVersionResourceTest {

  @ParameterizedTest
  @CsvSource({
    "Event, events",
    "Pod, pods",
    "Deployment, deployments",
    "Endpoints, endpoints",
    "MyEndpoints, myendpoints",
    "Ingress, ingresses",
    "Status, statuses",
    "Gateway, gatewaies",
    "Policy, policies",
    "NetworkPolicy, networkpolicies",
    "ApiServerSource, apiserversources",
    "X, xs",
    "'', ''",
  })
  void guessesThePluralAsApimachinery(String kind, String plural) {
    assertThat(GroupVersionResource.guessPlural(kind)).isEqualTo(plural);
  }

  @Test
  void guessKeepsGroupAndVersionUnlessTheKindIsEmpty() {
    assertThat(GroupVersionResource.guess(GroupVersion.parse("apps/v1"), "Deployment"))
        .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    assertThat(GroupVersionResource.guess(GroupVersion.parse("apps/v1"), ""))
        .isEqualTo(new GroupVersionResource("", "", ""));
  }

  @ParameterizedTest
  @CsvSource({
    "'', '', ''",
    "/, '', ''",
    "v1, '', v1",
    "apps/v1, apps, v1",
    "sources.knative.dev/v1beta1, sources.knative.dev, v1beta1",
    "apps/, apps, ''",
    "/v1, '', v1",
  })
  void parsesGroupVersionsAsApimachinery(String apiVersion, String group, String version) {
    assertThat(GroupVersion.parse(apiVersion)).isEqualTo(new GroupVersion(group, version));
    assertThat(GroupVersion.isValid(apiVersion)).isTrue();
  }

  @Test
  void refusesMoreThanOneSlash() {
    assertThat(GroupVersion.isValid("a/b/c")).isFalse();
    assertThatThrownBy(() -> GroupVersion.parse("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unexpected GroupVersion string: a/b/c");
    assertThatThrownBy(() -> GroupVersion.parse("//"))
        .hasMessage("unexpected GroupVersion string: //");
  }
}
