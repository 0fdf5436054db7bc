package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtPingConfigTest {

  @Test
  void defaults() {
    MtPingConfig config =
        MtPingConfig.read(
            Env.of(Map.of("SYSTEM_NAMESPACE", "knative-eventing", "POD_NAME", "adapter-1")),
            List.of());

    assertThat(config.systemNamespace()).isEqualTo("knative-eventing");
    assertThat(config.noShutdownAfter()).isEqualTo(55);
    assertThat(config.sinkTimeout()).isNull();
    assertThat(config.disableHa()).isFalse();
    assertThat(config.identity()).startsWith("adapter-1_");
    assertThat(config.leaderElection().buckets()).isEqualTo(1);
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void aPodKeepsItsIdentityAcrossRestartsAndAProcessOutsideAPodGetsARandomOne() {
    Env pod = Env.of(Map.of("SYSTEM_NAMESPACE", "knative-eventing", "POD_NAME", "adapter-1"));
    Env otherPod = Env.of(Map.of("SYSTEM_NAMESPACE", "knative-eventing", "POD_NAME", "adapter-2"));
    Env process = Env.of(Map.of("SYSTEM_NAMESPACE", "knative-eventing", "HOSTNAME", "laptop"));

    String identity = MtPingConfig.read(pod, List.of()).identity();
    assertThat(identity).matches("adapter-1_[0-9a-f-]{36}");
    assertThat(MtPingConfig.read(pod, List.of()).identity()).isEqualTo(identity);
    assertThat(MtPingConfig.read(otherPod, List.of()).identity())
        .startsWith("adapter-2_")
        .doesNotEndWith(identity.substring("adapter-1_".length()));
    assertThat(MtPingConfig.read(process, List.of()).identity())
        .startsWith("laptop_")
        .isNotEqualTo(MtPingConfig.read(process, List.of()).identity());
  }

  @Test
  void readsTheAdapterEnvContract() {
    MtPingConfig config =
        MtPingConfig.read(
            Env.of(
                Map.of(
                    "SYSTEM_NAMESPACE", "system",
                    "K_NO_SHUTDOWN_AFTER", "40",
                    "K_SINK_TIMEOUT", "7",
                    "K_LEADER_ELECTION_CONFIG", "{\"Buckets\":2,\"Identity\":\"me\"}")),
            List.of("--disable-ha"));

    assertThat(config.noShutdownAfter()).isEqualTo(40);
    assertThat(config.sinkTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.identity()).isEqualTo("me");
    assertThat(config.leaderElection().buckets()).isEqualTo(2);
    assertThat(config.disableHa()).isTrue();
  }

  @Test
  void unusableValuesFallBackToUpstreamsDefaultsWithAWarning() {
    MtPingConfig config =
        MtPingConfig.read(
            Env.of(
                Map.of(
                    "SYSTEM_NAMESPACE", "system",
                    "K_NO_SHUTDOWN_AFTER", "60",
                    "K_SINK_TIMEOUT", "soon")),
            List.of());

    assertThat(config.noShutdownAfter()).isEqualTo(55);
    assertThat(config.sinkTimeout()).isNull();
    assertThat(config.warnings()).hasSize(2);
    assertThat(
            MtPingConfig.read(
                    Env.of(Map.of("SYSTEM_NAMESPACE", "s", "K_SINK_TIMEOUT", "-1")), List.of())
                .sinkTimeout())
        .isNull();
  }

  @Test
  void refusesToRunWithoutItsSystemNamespaceOrWithBrokenLeaderElection() {
    assertThatThrownBy(() -> MtPingConfig.read(Env.of(Map.of()), List.of()))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("SYSTEM_NAMESPACE");
    assertThatThrownBy(
            () ->
                MtPingConfig.read(
                    Env.of(Map.of("SYSTEM_NAMESPACE", "s", "K_LEADER_ELECTION_CONFIG", "{")),
                    List.of()))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("K_LEADER_ELECTION_CONFIG");
  }
}
