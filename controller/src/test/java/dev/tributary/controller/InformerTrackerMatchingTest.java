package dev.tributary.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InformerTrackerMatchingTest {

  private static GenericKubernetesResource object(
      String apiVersion, String kind, String namespace, String name, Map<String, String> labels) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(apiVersion);
    object.setKind(kind);
    object.setMetadata(
        new ObjectMetaBuilder().withNamespace(namespace).withName(name).withLabels(labels).build());
    return object;
  }

  private static boolean refers(Reference reference, GenericKubernetesResource object) {
    return InformerTracker.refers(reference, InformerTracker.group(object.getApiVersion()), object);
  }

  @Test
  void aNamedReferenceMatchesItsObjectInAnyVersionOfTheGroup() {
    Reference ref = Reference.byName("apps/v1", "Deployment", "ns", "d");

    assertThat(refers(ref, object("apps/v1", "Deployment", "ns", "d", null))).isTrue();
    assertThat(refers(ref, object("apps/v1beta1", "Deployment", "ns", "d", null))).isTrue();
    assertThat(refers(ref, object("extensions/v1beta1", "Deployment", "ns", "d", null))).isFalse();
    assertThat(refers(ref, object("apps/v1", "Deployment", "other", "d", null))).isFalse();
    assertThat(refers(ref, object("apps/v1", "Deployment", "ns", "e", null))).isFalse();
    assertThat(refers(ref, object("apps/v1", "StatefulSet", "ns", "d", null))).isFalse();
  }

  @Test
  void aSelectorReferenceMatchesObjectsByLabelInItsNamespace() {
    Reference ref =
        Reference.bySelector(
            "batch/v1",
            "Job",
            "ns",
            new LabelSelectorBuilder().addToMatchLabels("app", "hb").build());

    assertThat(refers(ref, object("batch/v1", "Job", "ns", "j1", Map.of("app", "hb")))).isTrue();
    assertThat(refers(ref, object("batch/v1", "Job", "ns", "j2", Map.of("app", "x")))).isFalse();
    assertThat(refers(ref, object("batch/v1", "Job", "other", "j3", Map.of("app", "hb"))))
        .isFalse();
  }

  @Test
  void coreKindsHaveTheEmptyGroup() {
    assertThat(InformerTracker.group("v1")).isEmpty();
    assertThat(InformerTracker.group("serving.knative.dev/v1")).isEqualTo("serving.knative.dev");
  }
}
