package dev.tributary.local.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.errors.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

  private static final JsonNode LABELS = labels("{\"app\":\"web\",\"tier\":\"front\",\"n\":\"5\"}");

  private static JsonNode labels(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web|true",
        "app==web|true",
        "app=db|false",
        "app!=db|true",
        "app!=web|false",
        "missing!=x|true",
        "app in (web, db)|true",
        "app in (db)|false",
        "app notin (db,cache)|true",
        "missing notin (x)|true",
        "app notin (web)|false",
        "app|true",
        "missing|false",
        "!missing|true",
        "!app|false",
        "app=web,tier=front|true",
        "app=web, tier=back|false",
        " app = web |true",
        "n>4|true",
        "n<5|false",
        "app in (web),!missing,tier|true"
      })
  void matchesAsKubernetesDoes(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(LABELS)).as(selector).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app=web", "app", "app in (a)"})
  void anObjectWithoutLabelsMatchesOnlyNegations(String selector) {
    assertThat(LabelSelector.parse(selector).matches(null)).isFalse();
    assertThat(LabelSelector.parse("!" + selector.split("[= ]")[0]).matches(null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"app in web", "app in (a", "=web", "app ~ web", "n>x"})
  void malformedSelectorsAre400(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void blankSelectsEverything(String selector) {
    assertThat(LabelSelector.parse(selector).isEmpty()).isTrue();
    assertThat(LabelSelector.parse(null).matches(null)).isTrue();
  }
}
