package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutLimitsTest {

  @ParameterizedTest(name = "replicas={0} surge={1} unavailable={2}")
  @CsvSource({
    // as Kubernetes' ResolveFenceposts: surge rounds up, unavailable down
    "4, 25%, 25%, 1, 1",
    "2, 25%, 25%, 1, 0",
    "10, 25%, 25%, 3, 2",
    "1, 0, 0, 0, 1",
    "3, 1, 5, 1, 3",
    "0, 25%, 25%, 0, 0",
  })
  void resolvesFenceposts(
      int replicas, String surge, String unavailable, int maxSurge, int maxUnavailable) {
    Deployment deployment = Fixtures.deployment(replicas, surge, unavailable);

    assertThat(RolloutLimits.of(deployment)).isEqualTo(new RolloutLimits(maxSurge, maxUnavailable));
  }

  @ParameterizedTest(name = "recreate replicas={0}")
  @CsvSource({"1", "5"})
  void recreateHasNoSlack(int replicas) {
    Deployment deployment = Fixtures.deployment(replicas, "25%", "25%");
    deployment.getSpec().getStrategy().setType("Recreate");
    deployment.getSpec().getStrategy().setRollingUpdate(null);

    assertThat(RolloutLimits.of(deployment)).isEqualTo(new RolloutLimits(0, 0));
    assertThat(RolloutLimits.isRolling(deployment)).isFalse();
  }
}
