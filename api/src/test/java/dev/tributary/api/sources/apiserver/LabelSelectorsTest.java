package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

  private static LabelSelectorRequirement req(String key, String op, String... values) {
    return new LabelSelectorRequirement(
        key, op, values.length == 0 ? null : new ArrayList<>(Arrays.asList(values)));
  }

  private static LabelSelector selector(
      Map<String, String> labels, LabelSelectorRequirement... expressions) {
    return new LabelSelector(new ArrayList<>(Arrays.asList(expressions)), labels);
  }

  @Test
  void anEmptySelectorIsTheEmptyString() {
    assertThat(LabelSelectors.format(new LabelSelector())).isEmpty();
    assertThat(LabelSelectors.format(new LabelSelector(null, null))).isEmpty();
  }

  @Test
  void rendersEachOperatorAsKubernetesDoes() {
    assertThat(LabelSelectors.format(selector(Map.of("app", "foo")))).isEqualTo("app=foo");
    assertThat(LabelSelectors.format(selector(null, req("k", "In", "b", "c", "a"))))
        .isEqualTo("k in (a,b,c)");
    assertThat(LabelSelectors.format(selector(null, req("k", "NotIn", "x"))))
        .isEqualTo("k notin (x)");
    assertThat(LabelSelectors.format(selector(null, req("k", "Exists")))).isEqualTo("k");
    assertThat(LabelSelectors.format(selector(null, req("k", "DoesNotExist")))).isEqualTo("!k");
    assertThat(LabelSelectors.format(selector(Map.of("empty", "")))).isEqualTo("empty=");
  }

  @Test
  void sortsRequirementsByKeyStably() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("zone", "z1");
    labels.put("app", "foo");
    labels.put("example.com/team", "a");
    assertThat(
            LabelSelectors.format(
                selector(
                    labels,
                    req("tier", "NotIn", "b", "a"),
                    req("app", "Exists"),
                    req("app", "NotIn", "bar"))))
        .isEqualTo("app=foo,app,app notin (bar),example.com/team=a,tier notin (a,b),zone=z1");
  }

  @Test
  void refusesAnUnknownOperator() {
    assertThatThrownBy(() -> LabelSelectors.format(selector(null, req("k", "in", "a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"in\" is not a valid label selector operator");
  }

  @Test
  void refusesWrongValueCounts() {
    assertThatThrownBy(() -> LabelSelectors.format(selector(null, req("k", "In"))))
        .hasMessageContaining("for 'in', 'notin' operators, values set can't be empty");
    assertThatThrownBy(() -> LabelSelectors.format(selector(null, req("k", "Exists", "a"))))
        .hasMessageContaining("values set must be empty for exists and does not exist");
  }

  @Test
  void refusesInvalidKeysAndValues() {
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("bad key", "v"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("on key \"bad key\"")
        .hasMessageContaining("name part must consist of alphanumeric characters");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("a/b/c", "v"))))
        .hasMessageContaining("a valid label key");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("Example.com/x", "v"))))
        .hasMessageContaining("prefix part");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("/x", "v"))))
        .hasMessageContaining("prefix part must be non-empty");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("k", "a b"))))
        .hasMessageContaining("a valid label must be an empty string");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("k", "v".repeat(64)))))
        .hasMessageContaining("must be no more than 63 bytes");
    assertThatThrownBy(() -> LabelSelectors.format(selector(Map.of("k".repeat(64), "v"))))
        .hasMessageContaining("name part must be no more than 63 bytes");
  }

  @Test
  void acceptsTheLongestValidKeysAndValues() {
    String name = "n".repeat(63);
    String prefix = "a".repeat(63) + "." + "b".repeat(63);
    assertThat(LabelSelectors.format(selector(Map.of(prefix + "/" + name, "v".repeat(63)))))
        .isEqualTo(prefix + "/" + name + "=" + "v".repeat(63));
  }

  @Test
  void copiesDeeply() {
    LabelSelector original = selector(new LinkedHashMap<>(Map.of("a", "b")), req("k", "In", "x"));
    LabelSelector copy = LabelSelectors.copy(original);
    assertThat(copy).isEqualTo(original).isNotSameAs(original);
    copy.getMatchLabels().put("c", "d");
    copy.getMatchExpressions().getFirst().getValues().add("y");
    copy.getMatchExpressions().add(req("z", "Exists"));
    assertThat(original.getMatchLabels()).containsOnlyKeys("a");
    assertThat(original.getMatchExpressions()).hasSize(1);
    assertThat(original.getMatchExpressions().getFirst().getValues()).containsExactly("x");
    assertThat(LabelSelectors.copy(null)).isNull();
  }

  @Test
  void emptinessMeansSelectEverything() {
    assertThat(LabelSelectors.isEmpty(null)).isFalse();
    assertThat(LabelSelectors.isEmpty(new LabelSelector())).isTrue();
    assertThat(LabelSelectors.isEmpty(selector(Map.of("a", "b")))).isFalse();
    assertThat(LabelSelectors.isEmpty(selector(null, req("k", "Exists")))).isFalse();
    assertThat(LabelSelectors.isEmpty(new LabelSelector(List.of(), Map.of()))).isTrue();
  }
}
