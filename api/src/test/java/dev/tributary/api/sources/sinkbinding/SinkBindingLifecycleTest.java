package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.TestClocks;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkBindingLifecycleTest {
  private static final Clock CLOCK = TestClocks.fixedAt("2024-05-06T07:08:09.5Z");

  private SinkBindingStatus status;
  private SinkBindingLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    status = new SinkBindingStatus();
    lifecycle = new SinkBindingLifecycle(status, CLOCK);
  }

  private Condition condition(String type) {
    return lifecycle.condition(type).orElseThrow();
  }

  private void markAllGood() {
    lifecycle.markSink("http://event-display.default.svc.cluster.local", null, null);
    lifecycle.markTrustBundlePropagated();
    lifecycle.markBindingAvailable();
    lifecycle.markOidcDisabled();
  }

  @Test
  void conditionSetIsUpstreams() {
    assertThat(SinkBindingLifecycle.CONDITIONS.happy()).isEqualTo("Ready");
    assertThat(SinkBindingLifecycle.CONDITIONS.dependents())
        .containsExactly(
            "SinkBindingAvailable",
            "SinkProvided",
            "OIDCIdentityCreated",
            "OIDCTokenSecretCreated",
            "TrustBundlePropagated");
  }

  @Test
  void uninitializedIsNotReady() {
    assertThat(lifecycle.isReady()).isFalse();
    assertThat(status.getConditions()).isEmpty();
  }

  @Test
  void initializeSetsEverythingUnknown() {
    lifecycle.initialize();

    assertThat(status.getConditions())
        .extracting(Condition::type, Condition::status)
        .containsExactly(
            tuple("OIDCIdentityCreated", "Unknown"),
            tuple("OIDCTokenSecretCreated", "Unknown"),
            tuple("Ready", "Unknown"),
            tuple("SinkBindingAvailable", "Unknown"),
            tuple("SinkProvided", "Unknown"),
            tuple("TrustBundlePropagated", "Unknown"));
    assertThat(condition("Ready").lastTransitionTime()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void readyWhenEverythingIsGoodWithOidcOff() {
    lifecycle.initialize();
    markAllGood();

    assertThat(lifecycle.isReady()).isTrue();
    assertThat(condition("Ready").reason()).isEmpty();
    assertThat(condition("OIDCIdentityCreated"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("True", "authentication-oidc feature disabled", "");
    assertThat(condition("OIDCTokenSecretCreated"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("True", "authentication-oidc feature disabled", "");
    assertThat(status.getSinkUri()).isEqualTo("http://event-display.default.svc.cluster.local");
  }

  @Test
  void notReadyWithoutTrustBundleCondition() {
    lifecycle.initialize();
    lifecycle.markSink("http://x", null, null);
    lifecycle.markBindingAvailable();
    lifecycle.markOidcDisabled();

    assertThat(lifecycle.isReady()).isFalse();
    assertThat(condition("Ready").status()).isEqualTo("Unknown");
  }

  @Test
  void markSinkRecordsCaCertsAndAudience() {
    lifecycle.markSink("https://x", "PEM", "aud");

    assertThat(status.getSinkUri()).isEqualTo("https://x");
    assertThat(status.getSinkCACerts()).isEqualTo("PEM");
    assertThat(status.getSinkAudience()).isEqualTo("aud");
    assertThat(condition("SinkProvided").status()).isEqualTo("True");
  }

  @Test
  void sinkResolvingToNothingIsSinkEmpty() {
    lifecycle.markSink("http://old", null, null);
    lifecycle.markSink(null, null, null);

    assertThat(condition("SinkProvided"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "SinkEmpty", "Sink has resolved to empty.");
    assertThat(status.getSinkUri()).as("kept, as upstream").isEqualTo("http://old");
  }

  @Test
  void unresolvableSinkIsNoAddressableAndMakesReadyFalse() {
    lifecycle.initialize();
    markAllGood();
    lifecycle.markNoAddressable("services \"event-display\" not found");

    assertThat(condition("SinkProvided"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            "False",
            "NoAddressable",
            "Addressable could not be extracted from destination: services \"event-display\" not"
                + " found");
    assertThat(condition("Ready"))
        .extracting(Condition::status, Condition::reason)
        .containsExactly("False", "NoAddressable");
    assertThat(lifecycle.isReady()).isFalse();
  }

  @Test
  void bindingUnavailableReasons() {
    lifecycle.initialize();
    markAllGood();
    lifecycle.markBindingUnavailable(
        SinkBindingLifecycle.REASON_SUBJECT_MISSING, "deployments.apps \"jeanne\" not found");

    assertThat(condition("SinkBindingAvailable"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "SubjectMissing", "deployments.apps \"jeanne\" not found");
    assertThat(condition("Ready").reason()).isEqualTo("SubjectMissing");
    assertThat(SinkBindingLifecycle.REASON_SUBJECT_UNAVAILABLE).isEqualTo("SubjectUnavailable");
    assertThat(SinkBindingLifecycle.REASON_BINDING_FAILED).isEqualTo("BindingFailed");

    lifecycle.markBindingAvailable();
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void trustBundleFailure() {
    lifecycle.initialize();
    markAllGood();
    lifecycle.markFailedTrustBundlePropagation(
        SinkBindingLifecycle.REASON_FAILED_TRUST_BUNDLE_PROPAGATION, "boom");

    assertThat(condition("Ready"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "FailedTrustBundlePropagation", "boom");
  }

  @Test
  void oidcFailuresAndUnknowns() {
    lifecycle.initialize();
    markAllGood();

    lifecycle.markOidcIdentityCreatedFailed("Unable to resolve service account", "nope");
    assertThat(lifecycle.isReady()).isFalse();
    lifecycle.markOidcIdentityCreatedSucceeded();
    assertThat(lifecycle.isReady()).isTrue();

    lifecycle.markOidcTokenSecretCreatedUnknown("Pending", "");
    assertThat(condition("Ready").status()).isEqualTo("Unknown");
    lifecycle.markOidcTokenSecretCreatedFailed("Unable to reconcile OIDC token secret", "x");
    assertThat(condition("Ready").status()).isEqualTo("False");
    lifecycle.markOidcTokenSecretCreatedSucceededWithReason(
        SinkBindingLifecycle.REASON_SINK_HAS_NO_AUDIENCE, "");
    assertThat(lifecycle.isReady()).isTrue();
    lifecycle.markOidcIdentityCreatedUnknown("Pending", "");
    assertThat(lifecycle.isReady()).isFalse();
    lifecycle.markOidcIdentityCreatedSucceededWithReason("Sink has no audience defined", "");
    lifecycle.markOidcTokenSecretCreatedSucceeded();
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void transitionTimeChangesOnlyWithTheCondition() {
    lifecycle.initialize();
    lifecycle.markBindingAvailable();
    String first = condition("SinkBindingAvailable").lastTransitionTime();

    SinkBindingLifecycle later =
        new SinkBindingLifecycle(status, TestClocks.fixedAt("2024-05-06T08:00:00Z"));
    later.markBindingAvailable();

    assertThat(later.condition("SinkBindingAvailable").orElseThrow().lastTransitionTime())
        .isEqualTo(first);
  }
}
