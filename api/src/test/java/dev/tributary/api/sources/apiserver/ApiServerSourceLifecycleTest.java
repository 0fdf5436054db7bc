package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.TestClocks;
import dev.tributary.api.duck.TestDeployments;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiServerSourceLifecycleTest {
  private static final Clock CLOCK = TestClocks.fixedAt("2024-05-01T10:00:00.700Z");
  private static final String SOURCE = "https://10.96.0.1:443";

  private final ApiServerSourceStatus status = new ApiServerSourceStatus();
  private final ApiServerSourceLifecycle lifecycle = new ApiServerSourceLifecycle(status, CLOCK);

  private static Deployment deployment(String available, Integer unavailable) {
    return TestDeployments.withAvailable(
        "apiserversource-s-uid",
        available,
        "MinimumReplicas",
        "Deployment has minimum availability.",
        unavailable);
  }

  private String summary() {
    return status.getConditions().stream()
        .map(c -> c.type() + "=" + c.status() + "/" + c.reason() + "/" + c.message())
        .collect(Collectors.joining(" "));
  }

  private void allHappy() {
    lifecycle.markSink("http://event-display.default.svc.cluster.local", null, null);
    lifecycle.propagateDeploymentAvailability(deployment("True", 0));
    lifecycle.markSufficientPermissions();
    lifecycle.markOidcDisabled();
  }

  @Test
  void declaresUpstreamsConditionSet() {
    assertThat(ApiServerSourceLifecycle.CONDITIONS.happy()).isEqualTo("Ready");
    assertThat(ApiServerSourceLifecycle.CONDITIONS.dependents())
        .containsExactly(
            "SinkProvided", "Deployed", "SufficientPermissions", "OIDCIdentityCreated");
  }

  @Test
  void initializeSetsEveryConditionUnknown() {
    lifecycle.initialize();
    assertThat(summary())
        .isEqualTo(
            "Deployed=Unknown// OIDCIdentityCreated=Unknown// Ready=Unknown//"
                + " SinkProvided=Unknown// SufficientPermissions=Unknown//");
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void readyOnceEveryDependentIsTrue() {
    lifecycle.initialize();
    allHappy();
    assertThat(lifecycle.isReady()).isTrue();
    assertThat(status.getSinkUri()).isEqualTo("http://event-display.default.svc.cluster.local");
    Condition oidc = lifecycle.condition("OIDCIdentityCreated").orElseThrow();
    assertThat(oidc.isTrue()).isTrue();
    assertThat(oidc.reason()).isEqualTo("authentication-oidc feature disabled");
    assertThat(oidc.message()).isEmpty();
    assertThat(lifecycle.condition("Ready").orElseThrow().lastTransitionTime())
        .isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void notReadyWithoutOidcCondition() {
    lifecycle.initialize();
    lifecycle.markSink("http://x", null, null);
    lifecycle.propagateDeploymentAvailability(deployment("True", 0));
    lifecycle.markSufficientPermissions();
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void markSinkRecordsCaCertsAndAudience() {
    lifecycle.markSink("https://sink", "PEM", "aud");
    assertThat(status.getSinkUri()).isEqualTo("https://sink");
    assertThat(status.getSinkCACerts()).isEqualTo("PEM");
    assertThat(status.getSinkAudience()).isEqualTo("aud");
    assertThat(lifecycle.condition("SinkProvided").orElseThrow().isTrue()).isTrue();
  }

  @Test
  void anEmptySinkIsSinkEmpty() {
    lifecycle.initialize();
    lifecycle.markSink(null, null, null);
    Condition sink = lifecycle.condition("SinkProvided").orElseThrow();
    assertThat(sink.status()).isEqualTo("False");
    assertThat(sink.reason()).isEqualTo("SinkEmpty");
    assertThat(sink.message()).isEqualTo("Sink has resolved to empty.");
    assertThat(lifecycle.condition("Ready").orElseThrow().reason()).isEqualTo("SinkEmpty");
  }

  @Test
  void noSinkMakesReadyFalseWithItsReason() {
    allHappy();
    lifecycle.markNoSink("NotFound", "");
    Condition ready = lifecycle.condition("Ready").orElseThrow();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("NotFound");
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void deploymentWithUnavailableReplicasIsUpdating() {
    lifecycle.initialize();
    lifecycle.propagateDeploymentAvailability(deployment("True", 1));
    Condition deployed = lifecycle.condition("Deployed").orElseThrow();
    assertThat(deployed.status()).isEqualTo("Unknown");
    assertThat(deployed.reason()).isEqualTo("DeploymentUpdating");
    assertThat(deployed.message()).isEqualTo("Deployment has 1 unavailable replica(s).");
  }

  @Test
  void deploymentFalseOrUnknownIsCopied() {
    lifecycle.initialize();
    lifecycle.propagateDeploymentAvailability(deployment("False", null));
    Condition deployed = lifecycle.condition("Deployed").orElseThrow();
    assertThat(deployed.status()).isEqualTo("False");
    assertThat(deployed.reason()).isEqualTo("MinimumReplicas");
    assertThat(deployed.message()).isEqualTo("Deployment has minimum availability.");

    lifecycle.propagateDeploymentAvailability(deployment("Unknown", null));
    assertThat(lifecycle.condition("Deployed").orElseThrow().status()).isEqualTo("Unknown");
  }

  @Test
  void deploymentWithoutAvailableIsUnavailable() {
    lifecycle.initialize();
    lifecycle.propagateDeploymentAvailability(deployment(null, null));
    Condition deployed = lifecycle.condition("Deployed").orElseThrow();
    assertThat(deployed.status()).isEqualTo("Unknown");
    assertThat(deployed.reason()).isEqualTo("DeploymentUnavailable");
    assertThat(deployed.message())
        .isEqualTo("The Deployment 'apiserversource-s-uid' is unavailable.");
  }

  @Test
  void insufficientPermissionsHaveAnEmptyReason() {
    allHappy();
    String message =
        ApiServerSourcePermissions.insufficientPermissionsMessage(
            "system:serviceaccount:default:events-sa",
            List.of(
                new ApiServerSourcePermissions.Missing(
                    new ApiServerSourcePermissions.ResourceAccess("", "events", "default"),
                    List.of("get", "list", "watch"))));
    lifecycle.markNoSufficientPermissions("", message);
    Condition perms = lifecycle.condition("SufficientPermissions").orElseThrow();
    assertThat(perms.status()).isEqualTo("False");
    assertThat(perms.reason()).isEmpty();
    assertThat(perms.message())
        .isEqualTo(
            "User system:serviceaccount:default:events-sa cannot get, list, watch resource"
                + " \"events\" in API group \"\" in Namespace \"default\"");
    Condition ready = lifecycle.condition("Ready").orElseThrow();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.message()).isEqualTo(message);

    lifecycle.markSufficientPermissions();
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void oidcFailureAndUnknown() {
    allHappy();
    lifecycle.markOidcIdentityCreatedFailed("Failed", "no sa");
    assertThat(lifecycle.condition("Ready").orElseThrow().reason()).isEqualTo("Failed");
    lifecycle.markOidcIdentityCreatedUnknown("Pending", "wait");
    assertThat(lifecycle.condition("Ready").orElseThrow().status()).isEqualTo("Unknown");
    lifecycle.markOidcIdentityCreatedSucceeded();
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void ceAttributesFollowTheMode() {
    lifecycle.setCeAttributes("Reference", SOURCE);
    assertThat(status.getCeAttributes())
        .containsExactly(
            new CloudEventAttributes("dev.knative.apiserver.ref.add", SOURCE),
            new CloudEventAttributes("dev.knative.apiserver.ref.delete", SOURCE),
            new CloudEventAttributes("dev.knative.apiserver.ref.update", SOURCE));
    lifecycle.setCeAttributes("Resource", SOURCE);
    assertThat(status.getCeAttributes())
        .containsExactly(
            new CloudEventAttributes("dev.knative.apiserver.resource.add", SOURCE),
            new CloudEventAttributes("dev.knative.apiserver.resource.delete", SOURCE),
            new CloudEventAttributes("dev.knative.apiserver.resource.update", SOURCE));
    assertThatThrownBy(() -> lifecycle.setCeAttributes("Other", SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no EventType available for EventMode: Other");
    assertThat(status.getCeAttributes()).hasSize(3);
    lifecycle.clearCeAttributes();
    assertThat(status.getCeAttributes()).isEmpty();
  }

  @Test
  void recordsNamespaces() {
    lifecycle.setNamespaces(List.of("a", "b"));
    assertThat(status.getNamespaces()).containsExactly("a", "b");
  }
}
