package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.TestClocks;
import dev.tributary.api.duck.TestDeployments;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PingSourceLifecycleTest {

  private static final Clock CLOCK = TestClocks.fixedAt("2026-01-02T03:04:05.678Z");
  private static final String SINK = "http://event-display.default.svc.cluster.local";

  private PingSourceStatus status;
  private PingSourceLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    status = new PingSourceStatus();
    lifecycle = new PingSourceLifecycle(status, CLOCK);
  }

  private Condition condition(String type) {
    return lifecycle.condition(type).orElseThrow();
  }

  /** The shared adapter, {@code knative-eventing/pingsource-mt-adapter}. */
  private static Deployment adapter(
      String available, String reason, String message, Integer unavailable) {
    return TestDeployments.withAvailable(
        "pingsource-mt-adapter", available, reason, message, unavailable);
  }

  private void makeReady() {
    lifecycle.initialize();
    lifecycle.markSink(SINK, null, null);
    lifecycle.propagateDeploymentAvailability(
        adapter("True", "MinimumReplicasAvailable", "ok", null));
    lifecycle.markOidcDisabled();
  }

  @Test
  void conditionSetIsUpstreams() {
    assertThat(PingSourceLifecycle.CONDITIONS.happy()).isEqualTo("Ready");
    assertThat(PingSourceLifecycle.CONDITIONS.dependents())
        .containsExactly("SinkProvided", "Deployed", "OIDCIdentityCreated");
  }

  @Test
  void initializeSetsEverythingUnknown() {
    lifecycle.initialize();
    assertThat(status.getConditions())
        .extracting(Condition::type, Condition::status, Condition::lastTransitionTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Deployed", "Unknown", "2026-01-02T03:04:05Z"),
            org.assertj.core.groups.Tuple.tuple(
                "OIDCIdentityCreated", "Unknown", "2026-01-02T03:04:05Z"),
            org.assertj.core.groups.Tuple.tuple("Ready", "Unknown", "2026-01-02T03:04:05Z"),
            org.assertj.core.groups.Tuple.tuple("SinkProvided", "Unknown", "2026-01-02T03:04:05Z"));
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void readyOnceSinkDeployedAndOidcDisabled() {
    makeReady();
    assertThat(lifecycle.isReady()).isTrue();
    assertThat(lifecycle.topLevelCondition().orElseThrow().status()).isEqualTo("True");
    assertThat(status.getSinkUri()).isEqualTo(SINK);
    Condition oidc = condition("OIDCIdentityCreated");
    assertThat(oidc.status()).isEqualTo("True");
    assertThat(oidc.reason()).isEqualTo("authentication-oidc feature disabled");
    assertThat(oidc.message()).isEmpty();
  }

  @Test
  void notReadyWithoutTheOidcCondition() {
    lifecycle.initialize();
    lifecycle.markSink(SINK, null, null);
    lifecycle.propagateDeploymentAvailability(adapter("True", null, null, 0));
    assertThat(lifecycle.isReady()).isFalse();
    assertThat(lifecycle.topLevelCondition().orElseThrow().status()).isEqualTo("Unknown");
  }

  @Test
  void markSinkRecordsCaCertsAndAudience() {
    lifecycle.markSink("https://sink.example", "-----BEGIN CERTIFICATE-----", "my-audience");
    assertThat(status.getSinkUri()).isEqualTo("https://sink.example");
    assertThat(status.getSinkCACerts()).isEqualTo("-----BEGIN CERTIFICATE-----");
    assertThat(status.getSinkAudience()).isEqualTo("my-audience");
    assertThat(condition("SinkProvided").isTrue()).isTrue();
  }

  @Test
  void anEmptySinkIsSinkEmpty() {
    makeReady();
    lifecycle.markSink(null, null, null);
    Condition sink = condition("SinkProvided");
    assertThat(sink.status()).isEqualTo("False");
    assertThat(sink.reason()).isEqualTo("SinkEmpty");
    assertThat(sink.message()).isEqualTo("Sink has resolved to empty.");
    Condition ready = lifecycle.topLevelCondition().orElseThrow();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("SinkEmpty");
    assertThat(ready.message()).isEqualTo("Sink has resolved to empty.");
    lifecycle.markSink("", null, null);
    assertThat(condition("SinkProvided").reason()).isEqualTo("SinkEmpty");
  }

  @Test
  void markNoSinkMakesReadyFalse() {
    makeReady();
    lifecycle.markNoSink("NotFound", "");
    assertThat(condition("SinkProvided").status()).isEqualTo("False");
    assertThat(lifecycle.topLevelCondition().orElseThrow())
        .extracting(Condition::status, Condition::reason)
        .containsExactly("False", "NotFound");
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void deployedMirrorsTheSharedAdapter() {
    lifecycle.initialize();
    lifecycle.propagateDeploymentAvailability(adapter("True", null, null, 2));
    assertThat(condition("Deployed"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            "Unknown", "DeploymentUpdating", "Deployment has 2 unavailable replica(s).");

    lifecycle.propagateDeploymentAvailability(
        adapter("False", "ProgressDeadlineExceeded", "too slow", 0));
    assertThat(condition("Deployed"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "ProgressDeadlineExceeded", "too slow");

    lifecycle.propagateDeploymentAvailability(adapter(null, null, null, null));
    assertThat(condition("Deployed"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            "Unknown",
            "DeploymentUnavailable",
            "The Deployment 'pingsource-mt-adapter' is unavailable.");

    lifecycle.propagateDeploymentAvailability(adapter("True", null, null, 0));
    assertThat(condition("Deployed").status()).isEqualTo("True");
  }

  @Test
  void aRollingAdapterMakesAReadySourceUnknown() {
    makeReady();
    lifecycle.propagateDeploymentAvailability(adapter("True", null, null, 1));
    assertThat(lifecycle.topLevelCondition().orElseThrow())
        .extracting(Condition::status, Condition::reason)
        .containsExactly("Unknown", "DeploymentUpdating");
  }

  @Test
  void oidcTransitions() {
    makeReady();
    lifecycle.markOidcIdentityCreatedFailed("Failed", "no service account");
    assertThat(lifecycle.topLevelCondition().orElseThrow())
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "Failed", "no service account");
    lifecycle.markOidcIdentityCreatedUnknown("Pending", "");
    assertThat(condition("OIDCIdentityCreated").status()).isEqualTo("Unknown");
    lifecycle.markOidcIdentityCreatedSucceeded();
    assertThat(lifecycle.isReady()).isTrue();
    assertThat(condition("OIDCIdentityCreated").reason()).isEmpty();
  }

  @Test
  void ceAttributesAreSetAndCleared() {
    lifecycle.markCeAttributes("default", "test-ping-source");
    assertThat(status.getCeAttributes())
        .containsExactly(
            new CloudEventAttributes(
                "dev.knative.sources.ping",
                "/apis/v1/namespaces/default/pingsources/test-ping-source"));
    lifecycle.clearCeAttributes();
    assertThat(status.getCeAttributes()).isNull();
  }
}
