package dev.tributary.api.sources.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PingDefaultsConfigTest {

  @Test
  void noLimitWhenAbsent() {
    assertThat(PingDefaultsConfig.fromConfigMap(Map.of()).dataMaxSize()).isEqualTo(-1);
    assertThat(PingDefaultsConfig.fromConfigMap(null)).isEqualTo(PingDefaultsConfig.DEFAULT);
  }

  @Test
  void readsTheKeyAndTheLegacyKeyWhichItOverrides() {
    assertThat(PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "4096")).dataMaxSize())
        .isEqualTo(4096);
    assertThat(PingDefaultsConfig.fromConfigMap(Map.of("dataMaxSize", "100")).dataMaxSize())
        .isEqualTo(100);
    assertThat(
            PingDefaultsConfig.fromConfigMap(Map.of("dataMaxSize", "100", "data-max-size", "200"))
                .dataMaxSize())
        .isEqualTo(200);
  }

  @Test
  void negativeMeansNoLimit() {
    assertThat(PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "-5")).dataMaxSize())
        .isEqualTo(-1);
    assertThat(new PingDefaultsConfig(-5).exceeds(Long.MAX_VALUE)).isFalse();
    assertThat(new PingDefaultsConfig(10).exceeds(10)).isFalse();
    assertThat(new PingDefaultsConfig(10).exceeds(11)).isTrue();
  }

  @Test
  void rejectsWhatStrconvParseIntRejects() {
    assertThatThrownBy(() -> PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "4k")))
        .hasMessage(
            "failed to parse \"data-max-size\": strconv.ParseInt: parsing \"4k\": invalid syntax");
    assertThatThrownBy(() -> PingDefaultsConfig.fromConfigMap(Map.of("dataMaxSize", " 1")))
        .hasMessage(
            "failed to parse \"dataMaxSize\": strconv.ParseInt: parsing \" 1\": invalid syntax");
    assertThatThrownBy(
            () -> PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "99999999999999999999")))
        .hasMessage(
            "failed to parse \"data-max-size\": strconv.ParseInt: parsing"
                + " \"99999999999999999999\": value out of range");
    // Java would read these digits; Go does not.
    assertThatThrownBy(() -> PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "١٢")))
        .hasMessageEndingWith("invalid syntax");
    assertThat(PingDefaultsConfig.fromConfigMap(Map.of("data-max-size", "+12")).dataMaxSize())
        .isEqualTo(12);
  }
}
