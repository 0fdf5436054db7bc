package dev.tributary.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.sources.sinkbinding.BindingSelection;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerConfigTest {

  @Test
  void readsUpstreamsVariablesWithUpstreamsDefaults() {
    ControllerConfig config =
        ControllerConfig.fromEnv(Env.of(Map.of("APISERVER_RA_IMAGE", "ra", "POD_NAME", "c-1")));
    assertThat(config)
        .isEqualTo(
            new ControllerConfig(
                "knative-eventing",
                "ra",
                "c-1",
                -1,
                55,
                "knative.dev/eventing",
                "config-logging",
                "config-observability",
                "cluster.local",
                2,
                Duration.ofSeconds(10),
                BindingSelection.EXCLUSION));
  }

  @Test
  void theRaImageIsRequired() {
    assertThatThrownBy(() -> ControllerConfig.fromEnv(Env.of(Map.of())))
        .isInstanceOf(EnvException.class)
        .hasMessage("required key APISERVER_RA_IMAGE missing value");
  }

  @Test
  void invalidTimeoutsFallBackAsUpstreams() {
    assertThat(ControllerConfig.sinkTimeout("30")).isEqualTo(30);
    assertThat(ControllerConfig.sinkTimeout("-5")).isEqualTo(-1);
    assertThat(ControllerConfig.sinkTimeout("soon")).isEqualTo(-1);
    assertThat(ControllerConfig.noShutdownAfter("10")).isEqualTo(10);
    assertThat(ControllerConfig.noShutdownAfter("60")).isEqualTo(55);
    assertThat(ControllerConfig.noShutdownAfter("x")).isEqualTo(55);
  }

  @Test
  void adapterConfigEnvComesFromTheLoggingConfigMap() {
    assertThat(ControllerConfig.adapterConfigEnv(null))
        .containsExactly(
            new EnvVar("K_LOGGING_CONFIG", "{}", null),
            new EnvVar("K_KLOG_VERBOSITY", "0", null),
            new EnvVar("K_OBSERVABILITY_CONFIG", "{}", null));
    assertThat(
            ControllerConfig.adapterConfigEnv(
                new ConfigMapBuilder()
                    .addToData("zap-logger-config", "{\"level\":\"info\"}")
                    .addToData("klog-verbosity", "2")
                    .build()))
        .startsWith(
            new EnvVar(
                "K_LOGGING_CONFIG",
                "{\"zap-logger-config\":\"{\\\"level\\\":\\\"info\\\"}\"}",
                null),
            new EnvVar("K_KLOG_VERBOSITY", "2", null));
  }
}
