package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvTest {

  @Test
  void readsThroughTheLookupFunction() {
    Env env = Env.of(name -> name.equals("K_SINK") ? "http://sink" : null);

    assertThat(env.get("K_SINK")).isEqualTo("http://sink");
    assertThat(env.get("OTHER")).isNull();
    assertThat(env.find("OTHER")).isEmpty();
  }

  @Test
  void copiesTheMapItIsBuiltFrom() {
    Map<String, String> vars = new HashMap<>(Map.of("A", "1"));
    Env env = Env.of(vars);
    vars.put("A", "2");
    vars.put("B", "3");

    assertThat(env.get("A")).isEqualTo("1");
    assertThat(env.get("B")).isNull();
  }

  @Test
  void appliesDefaultsToUnsetVariablesOnly() {
    Env env = Env.of(Map.of("EMPTY", ""));

    assertThat(env.get("EMPTY", "d")).isEmpty();
    assertThat(env.get("UNSET", "d")).isEqualTo("d");
  }

  @Test
  void requireNamesTheMissingVariable() {
    Env env = Env.of(Map.of("EMPTY", ""));

    assertThat(env.require("EMPTY")).isEmpty();
    assertThatThrownBy(() -> env.require("POD_NAME"))
        .isInstanceOf(EnvException.class)
        .hasMessage("required key POD_NAME missing value");
  }

  @ParameterizedTest
  @CsvSource({
    "1, true", "t, true", "T, true", "TRUE, true", "true, true", "True, true",
    "0, false", "f, false", "F, false", "FALSE, false", "false, false", "False, false"
  })
  void readsBooleansAsGoDoes(String value, boolean expected) {
    assertThat(Env.of(Map.of("ONE_SHOT", value)).getBool("ONE_SHOT", !expected))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yes", "tRUE", " true", "2"})
  void refusesWhatGoDoesNotReadAsABoolean(String value) {
    Env env = Env.of(Map.of("ONE_SHOT", value));

    assertThatThrownBy(() -> env.getBool("ONE_SHOT", false))
        .isInstanceOf(EnvException.class)
        .hasMessageStartingWith("assigning ONE_SHOT: converting '" + value + "' to type bool.")
        .hasMessageEndingWith(": invalid syntax");
  }

  @Test
  void usesTheDefaultForAnUnsetBooleanOrInteger() {
    assertThat(Env.of(Map.of()).getBool("ONE_SHOT", true)).isTrue();
    assertThat(Env.of(Map.of()).getInt("N", 7)).isEqualTo(7);
  }

  @Test
  void readsIntegersAsGoDoes() {
    assertThat(Env.of(Map.of("N", "-12")).getInt("N", 0)).isEqualTo(-12);
    assertThatThrownBy(() -> Env.of(Map.of("N", "1.5")).getInt("N", 0))
        .isInstanceOf(EnvException.class)
        .hasMessage(
            "assigning N: converting '1.5' to type int. details: strconv.Atoi: parsing \"1.5\":"
                + " invalid syntax");
  }
}
