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
