package dev.tributary.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorMatcherTest {

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

    assertThat(LabelSelectorMatcher.matches(selector, Map.of("app", "job", "tier", "a"))).isTrue();
    assertThat(LabelSelectorMatcher.matches(selector, Map.of("app", "job", "tier", "c"))).isFalse();
    assertThat(
            LabelSelectorMatcher.matches(selector, Map.of("app", "job", "tier", "a", "skip", "")))
        .isFalse();
    assertThat(LabelSelectorMatcher.matches(selector, Map.of("tier", "a"))).isFalse();
  }

  @Test
  void anEmptySelectorMatchesEverything() {
    assertThat(LabelSelectorMatcher.matches(new LabelSelector(), null)).isTrue();
  }
}
