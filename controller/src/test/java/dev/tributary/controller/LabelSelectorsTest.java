package dev.tributary.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

  @Test
  void matchLabelsAndExpressionsMustAllHold() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addToMatchLabels("app", "job")
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("a", "b")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("skip")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectors.matches(selector, Map.of("app", "job", "tier", "a"))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("app", "job", "tier", "c"))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("app", "job", "tier", "a", "skip", "")))
        .isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("tier", "a"))).isFalse();
  }

  @Test
  void anEmptySelectorMatchesEverything() {
    assertThat(LabelSelectors.matches(new LabelSelector(), null)).isTrue();
  }
}
