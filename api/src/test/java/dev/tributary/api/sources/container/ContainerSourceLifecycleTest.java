package dev.tributary.api.sources.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.TestClocks;
import dev.tributary.api.duck.TestDeployments;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerSourceLifecycleTest {
  private static final Clock CLOCK = TestClocks.fixedAt("2024-01-02T03:04:05Z");

  private ContainerSourceStatus status;
  private ContainerSourceLifecycle lifecycle;

  @BeforeEach
  void setUp() {
    status = new ContainerSourceStatus();
    lifecycle = new ContainerSourceLifecycle(status, CLOCK);
  }

  private static SinkBindingStatus binding(String ready, String reason, String message) {
    SinkBindingStatus s = new SinkBindingStatus();
    if (ready != null) {
      s.setConditions(List.of(new Condition("Ready", ready, "", null, reason, message)));
    }
    return s;
  }

  private static final SinkBindingStatus READY_BINDING = binding("True", null, null);
  private static final SinkBindingStatus NOT_READY_BINDING = binding("False", "Testing", "hi");

  private static Deployment deployment(String available, String reason, String message) {
    return TestDeployments.withAvailable("src-deployment", available, reason, message, null);
  }

  private static final Deployment AVAILABLE = deployment("True", null, null);
  private static final Deployment UNAVAILABLE =
      deployment(
          "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.");
  private static final Deployment UNKNOWN = deployment("Unknown", "Progressing", "rolling");
  private static final Deployment NOT_DEPLOYED = deployment(null, null, null);

  private Condition ready() {
    return lifecycle.condition("Ready").orElseThrow();
  }

  private Condition condition(String type) {
    return lifecycle.condition(type).orElseThrow();
  }

  @Test
  void conditionSetIsUpstreams() {
    assertThat(ContainerSourceLifecycle.CONDITIONS.happy()).isEqualTo("Ready");
    assertThat(ContainerSourceLifecycle.CONDITIONS.dependents())
        .containsExactly("SinkBindingReady", "ReceiveAdapterReady");
  }

  @Test
  void uninitializedAndInitialized() {
    assertThat(lifecycle.isReady()).isFalse();
    assertThat(lifecycle.condition("Ready")).isEmpty();

    lifecycle.initialize();

    assertThat(ready().status()).isEqualTo("Unknown");
    assertThat(condition("SinkBindingReady").status()).isEqualTo("Unknown");
    assertThat(condition("ReceiveAdapterReady").status()).isEqualTo("Unknown");
  }

  @Test
  void oneSideReadyIsNotEnough() {
    lifecycle.initialize();
    lifecycle.propagateReceiveAdapterStatus(AVAILABLE);
    assertThat(ready().status()).isEqualTo("Unknown");

    ContainerSourceLifecycle other =
        new ContainerSourceLifecycle(new ContainerSourceStatus(), CLOCK);
    other.initialize();
    other.propagateSinkBindingStatus(READY_BINDING);
    assertThat(other.condition("Ready").orElseThrow().status()).isEqualTo("Unknown");
    assertThat(other.isReady()).isFalse();
  }

  @Test
  void readyWhenBindingReadyAndDeploymentAvailable() {
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    lifecycle.propagateReceiveAdapterStatus(AVAILABLE);

    assertThat(ready().status()).isEqualTo("True");
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void unavailableDeploymentMakesReadyFalseWithItsReason() {
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    lifecycle.propagateReceiveAdapterStatus(AVAILABLE);
    lifecycle.propagateReceiveAdapterStatus(UNAVAILABLE);

    assertThat(ready())
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            "False",
            "MinimumReplicasUnavailable",
            "Deployment does not have minimum availability.");
  }

  @Test
  void unknownAndMissingAvailability() {
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    lifecycle.propagateReceiveAdapterStatus(UNKNOWN);
    assertThat(condition("ReceiveAdapterReady"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("Unknown", "Progressing", "rolling");

    lifecycle.propagateReceiveAdapterStatus(NOT_DEPLOYED);
    assertThat(condition("ReceiveAdapterReady"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly(
            "Unknown", "DeploymentUnavailable", "The Deployment 'src-deployment' is unavailable.");
    assertThat(ready().status()).isEqualTo("Unknown");
  }

  @Test
  void unavailableReplicasAreNotChecked() {
    Deployment rolling =
        new DeploymentBuilder(AVAILABLE)
            .editStatus()
            .withUnavailableReplicas(1)
            .endStatus()
            .build();
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    lifecycle.propagateReceiveAdapterStatus(rolling);

    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void bindingNotReadyIsCopiedThenRecovers() {
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    lifecycle.propagateReceiveAdapterStatus(AVAILABLE);
    lifecycle.propagateSinkBindingStatus(NOT_READY_BINDING);

    assertThat(ready())
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("False", "Testing", "hi");

    lifecycle.propagateSinkBindingStatus(READY_BINDING);
    assertThat(lifecycle.isReady()).isTrue();
  }

  @Test
  void bindingUnknownAndWithoutReady() {
    lifecycle.initialize();
    lifecycle.propagateSinkBindingStatus(binding("Unknown", "Pending", "wait"));
    assertThat(condition("SinkBindingReady"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("Unknown", "Pending", "wait");

    lifecycle.propagateSinkBindingStatus(binding(null, null, null));
    assertThat(condition("SinkBindingReady"))
        .extracting(Condition::status, Condition::reason, Condition::message)
        .containsExactly("Unknown", "", "");
  }

  @Test
  void copiesTheBindingsOutputsButNotItsConditionsNorGeneration() {
    SinkBindingStatus b = binding("True", null, null);
    b.setObservedGeneration(7L);
    b.setSinkUri("http://event-display.default.svc.cluster.local");
    b.setSinkCACerts("PEM");
    b.setSinkAudience("aud");
    b.setAnnotations(Map.of("k", "v"));
    b.setCeAttributes(
        List.of(new CloudEventAttributes("dev.knative.eventing.samples.heartbeat", "src")));
    b.setOidcTokenSecretName("secret");
    status.setObservedGeneration(3L);
    lifecycle.initialize();

    lifecycle.propagateSinkBindingStatus(b);

    assertThat(status.getSinkUri()).isEqualTo("http://event-display.default.svc.cluster.local");
    assertThat(status.getSinkCACerts()).isEqualTo("PEM");
    assertThat(status.getSinkAudience()).isEqualTo("aud");
    assertThat(status.getAnnotations()).isEqualTo(Map.of("k", "v"));
    assertThat(status.getCeAttributes())
        .isEqualTo(b.getCeAttributes())
        .isNotSameAs(b.getCeAttributes());
    assertThat(status.getObservedGeneration()).isEqualTo(3L);
    assertThat(status.getConditions())
        .extracting(Condition::type)
        .containsExactly("Ready", "ReceiveAdapterReady", "SinkBindingReady");
    assertThat(b.getConditions()).hasSize(1);
  }

  @Test
  void aBindingWithoutSinkClearsTheCopiedSink() {
    lifecycle.initialize();
    SinkBindingStatus first = binding("True", null, null);
    first.setSinkUri("http://old");
    lifecycle.propagateSinkBindingStatus(first);

    lifecycle.propagateSinkBindingStatus(binding("False", "NoAddressable", "gone"));

    assertThat(status.getSinkUri()).isNull();
  }
}
