package dev.tributary.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusComparisonTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final StatusComparison comparison = new StatusComparison(serialization);

  private GenericKubernetesResource object(long generation, Map<String, Object> status) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion("example.dev/v1");
    object.setKind("Toy");
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName("t")
            .withNamespace("ns")
            .withGeneration(generation)
            .build());
    if (status != null) {
      object.setAdditionalProperty("status", status);
    }
    return object;
  }

  @Test
  void equalStatusesInADifferentFieldOrderAreUnchanged() {
    ObjectNode before = comparison.tree(object(1, Map.of("a", 1, "b", List.of("x"))));
    ObjectNode after = comparison.tree(object(1, Map.of("b", List.of("x"), "a", 1)));

    assertThat(
            StatusComparison.changed(
                StatusComparison.status(before), StatusComparison.status(after)))
        .isFalse();
  }

  @Test
  void aChangedConditionIsAChange() {
    ObjectNode before =
        comparison.tree(object(1, Map.of("conditions", List.of(Map.of("status", "Unknown")))));
    ObjectNode after =
        comparison.tree(object(1, Map.of("conditions", List.of(Map.of("status", "True")))));

    assertThat(
            StatusComparison.changed(
                StatusComparison.status(before), StatusComparison.status(after)))
        .isTrue();
  }

  @Test
  void stampingTheObservedGenerationIsAChangeOnlyWhenTheGenerationMoved() {
    ObjectNode observed = comparison.tree(object(3, Map.of("observedGeneration", 3)));
    ObjectNode stale = comparison.tree(object(4, Map.of("observedGeneration", 3)));
    ObjectNode desiredSame = observed.deepCopy();
    ObjectNode desiredNew = stale.deepCopy();
    StatusComparison.stampObservedGeneration(desiredSame);
    StatusComparison.stampObservedGeneration(desiredNew);

    assertThat(
            StatusComparison.changed(
                StatusComparison.status(observed), StatusComparison.status(desiredSame)))
        .isFalse();
    assertThat(
            StatusComparison.changed(
                StatusComparison.status(stale), StatusComparison.status(desiredNew)))
        .isTrue();
    assertThat(desiredNew.at("/status/observedGeneration").asLong()).isEqualTo(4);
  }

  @Test
  void stampingCreatesAMissingStatus() {
    ObjectNode tree = comparison.tree(object(2, null));

    StatusComparison.stampObservedGeneration(tree);

    assertThat(tree.at("/status/observedGeneration").asLong()).isEqualTo(2);
  }
}
