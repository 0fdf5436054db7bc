package dev.tributary.controller.ping.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.controller.children.JsonTrees;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtAdapterTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final JsonTrees trees = new JsonTrees(serialization);
  private final MtAdapter.Args args =
      new MtAdapter.Args("{le}", 55, -1, List.of(new EnvVar("K_LOGGING_CONFIG", "{}", null)));

  private static EnvVar fieldRef(String name) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath("metadata.namespace")
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static Deployment released(int replicas, List<EnvVar> env) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace("knative-eventing")
        .withName("pingsource-mt-adapter")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName("dispatcher")
        .withEnv(env)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void theEnvIsUpstreamsListInUpstreamsOrder() {
    assertThat(MtAdapter.env(args))
        .containsExactly(
            fieldRef("NAMESPACE"),
            fieldRef("SYSTEM_NAMESPACE"),
            new EnvVar("K_LEADER_ELECTION_CONFIG", "{le}", null),
            new EnvVar("K_NO_SHUTDOWN_AFTER", "55", null),
            new EnvVar("K_SINK_TIMEOUT", "-1", null),
            new EnvVar("K_LOGGING_CONFIG", "{}", null));
  }

  @Test
  void theReleasedDeploymentIsUpdatedOnceKeepingItsOwnVariablesAndScaledToOne() {
    EnvVar podName = new EnvVar("POD_NAME", null, null);
    Deployment live = released(0, List.of(podName, new EnvVar("K_SINK_TIMEOUT", "-1", null)));
    List<EnvVar> expected = MtAdapter.env(args);
    assertThat(MtAdapter.needsUpdate(live, expected, trees)).isTrue();

    Deployment updated = MtAdapter.withEnv(serialization.clone(live), expected);

    assertThat(updated.getSpec().getReplicas()).isEqualTo(1);
    assertThat(MtAdapter.dispatcher(updated).orElseThrow().getEnv())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(expected.stream(), java.util.stream.Stream.of(podName))
                .toList());
    assertThat(MtAdapter.needsUpdate(updated, expected, trees)).isFalse();
  }

  @Test
  void aScaledUpDeploymentWithTheEnvIsLeftAloneAndNeverScaledDown() {
    Deployment live = released(3, MtAdapter.env(args));
    assertThat(MtAdapter.needsUpdate(live, MtAdapter.env(args), trees)).isFalse();
    Deployment changed =
        MtAdapter.withEnv(
            serialization.clone(live),
            MtAdapter.env(new MtAdapter.Args("{le}", 30, -1, List.of())));
    assertThat(changed.getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void aChangedValueNeedsAnUpdate() {
    Deployment live = released(1, MtAdapter.env(args));
    assertThat(
            MtAdapter.needsUpdate(
                live, MtAdapter.env(new MtAdapter.Args("{le}", 55, 10, List.of())), trees))
        .isTrue();
  }

  @Test
  void aDeploymentWithoutADispatcherIsNotUpdated() {
    Deployment live = released(0, List.of());
    live.getSpec().getTemplate().getSpec().getContainers().get(0).setName("other");
    assertThat(MtAdapter.dispatcher(live)).isEmpty();
    assertThat(MtAdapter.needsUpdate(live, MtAdapter.env(args), trees)).isFalse();
  }

  @Test
  void leaderElectionConfigIsGoJsonWithNanosecondDurations() {
    assertThat(LeaderElectionComponentConfig.knativeDefaults("pingsource").toJson())
        .isEqualTo(
            "{\"Component\":\"pingsource\",\"Buckets\":1,\"LeaseDuration\":60000000000,"
                + "\"RenewDeadline\":40000000000,\"RetryPeriod\":10000000000,\"Identity\":\"\","
                + "\"LeaseNamesPrefixMapping\":null}");
    assertThat(
            new LeaderElectionComponentConfig(
                    "pingsource",
                    2,
                    Duration.ofMillis(1500),
                    Duration.ofSeconds(1),
                    Duration.ofMillis(200))
                .toJson())
        .contains("\"Buckets\":2,\"LeaseDuration\":1500000000,");
  }
}
