package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.CloudEventOverrides;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CeOverridesApplierTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "null", "{}", "{\"extensions\":null}", "{\"extensions\":{}}"})
  void emptyValuesMeanNoOverrides(String value) {
    assertThat(CeOverridesApplier.parseEnv(value).extensions()).isEmpty();
  }

  @Test
  void parsesTheSinkBindingValue() {
    CloudEventOverrides parsed =
        CeOverridesApplier.parseEnv("{\"extensions\":{\"hello\":\"world\"},\"other\":1}");

    assertThat(parsed.extensions()).containsExactly(Map.entry("hello", "world"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "[1]", "\"x\"", "{\"extensions\":[]}", "{\"extensions\":{\"a\":1}}"})
  void malformedValuesNameTheVariable(String value) {
    assertThatThrownBy(() -> CeOverridesApplier.parseEnv(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("K_CE_OVERRIDES ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void setsExtensionsLowerCasedReplacingExistingOnes() {
    CeOverridesApplier applier =
        new CeOverridesApplier(new CloudEventOverrides(Map.of("Hello", "world", "heart", "no")));

    CloudEvent out = applier.apply(event());

    assertThat(out.getExtension("hello")).isEqualTo("world");
    assertThat(out.getExtension("heart")).isEqualTo("no");
    assertThat(out.getExtension("the")).isEqualTo(42);
    assertThat(out.getId()).isEqualTo("1");
  }

  @Test
  void neverAppliesCoreAttributesOrInvalidNames() {
    CeOverridesApplier applier =
        new CeOverridesApplier(
            new CloudEventOverrides(
                Map.of(
                    "id", "x", "Source", "/y", "specversion", "0.3", "bad-name", "z", "ok", "1")));

    CloudEvent out = applier.apply(event());

    assertThat(applier.extensions()).containsExactly(Map.entry("ok", "1"));
    assertThat(out.getId()).isEqualTo("1");
    assertThat(out.getSource()).hasToString("/src");
    assertThat(out.getExtensionNames()).containsExactlyInAnyOrder("the", "heart", "ok");
  }

  @Test
  void noOverridesReturnsTheSameEvent() {
    CloudEvent event = event();

    assertThat(CeOverridesApplier.none().apply(event)).isSameAs(event);
  }

  private static CloudEvent event() {
    return CloudEventBuilder.v1()
        .withId("1")
        .withSource(URI.create("/src"))
        .withType("t")
        .withExtension("the", 42)
        .withExtension("heart", "yes")
        .build();
  }
}
