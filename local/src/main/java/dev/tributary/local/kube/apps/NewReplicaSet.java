package dev.tributary.local.kube.apps;

import dev.tributary.controller.children.ControllerRefs;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ReplicaSet a Deployment's current template runs in, as kube-controller-manager's {@code
 * getNewReplicaSet} builds it: named {@code DEPLOYMENT-HASH}, the {@value #HASH_LABEL} label added
 * to its labels, selector and template, the Deployment's annotations (less kubectl's and the
 * rollout bookkeeping) plus revision, desired-replicas and max-replicas, and a controller reference
 * to the Deployment. Pure: inputs are never changed.
 */
public final class NewReplicaSet {

  public static final String HASH_LABEL = "pod-template-hash";
  public static final String REVISION = "deployment.kubernetes.io/revision";
  public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  /**
   * Annotations of a Deployment that its ReplicaSets do not inherit ({@code skipCopyAnnotation}).
   */
  private static final Set<String> NOT_COPIED =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          REVISION,
          "deployment.kubernetes.io/revision-history",
          DESIRED_REPLICAS,
          MAX_REPLICAS,
          "deprecated.deployment.rollback.to");

  private NewReplicaSet() {}

  /**
   * @param hash {@link PodTemplateHash} of the Deployment's template
   * @param replicas the ReplicaSet's initial {@code spec.replicas}
   * @param revision the rollout revision it gets
   */
  public static ReplicaSet build(
      Deployment deployment,
      String hash,
      int replicas,
      long revision,
      KubernetesSerialization serialization) {
    PodTemplateSpec template = serialization.clone(deployment.getSpec().getTemplate());
    if (template.getMetadata() == null) {
      template.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    Map<String, String> labels = withHash(template.getMetadata().getLabels(), hash);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = serialization.clone(deployment.getSpec().getSelector());
    if (selector == null) {
      selector = new LabelSelectorBuilder().build();
    }
    selector.setMatchLabels(withHash(selector.getMatchLabels(), hash));
    Map<String, String> annotations = new LinkedHashMap<>();
    Map<String, String> own = deployment.getMetadata().getAnnotations();
    if (own != null) {
      own.forEach(
          (key, value) -> {
            if (!NOT_COPIED.contains(key)) {
              annotations.put(key, value);
            }
          });
    }
    annotations.put(REVISION, Long.toString(revision));
    annotations.putAll(replicaAnnotations(deployment));
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(deployment.getMetadata().getName() + "-" + hash)
        .withNamespace(deployment.getMetadata().getNamespace())
        .withLabels(new LinkedHashMap<>(labels))
        .withAnnotations(annotations)
        .withOwnerReferences(ControllerRefs.of(deployment))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withMinReadySeconds(deployment.getSpec().getMinReadySeconds())
        .withSelector(selector)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /** The desired-replicas and max-replicas annotations a Deployment's ReplicaSets carry. */
  static Map<String, String> replicaAnnotations(Deployment deployment) {
    int replicas = RolloutLimits.replicas(deployment);
    return Map.of(
        DESIRED_REPLICAS,
        Integer.toString(replicas),
        MAX_REPLICAS,
        Integer.toString(replicas + RolloutLimits.of(deployment).maxSurge()));
  }

  /**
   * {@code EqualIgnoreHash}: whether two templates are the same once the {@value #HASH_LABEL} label
   * is ignored.
   */
  static boolean sameTemplate(
      PodTemplateSpec a, PodTemplateSpec b, KubernetesSerialization serialization) {
    return Objects.equals(
        serialization.asJson(withoutHash(a, serialization)),
        serialization.asJson(withoutHash(b, serialization)));
  }

  private static PodTemplateSpec withoutHash(
      PodTemplateSpec template, KubernetesSerialization serialization) {
    PodTemplateSpec copy = serialization.clone(template);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
      labels.remove(HASH_LABEL);
      copy.getMetadata().setLabels(labels.isEmpty() ? null : new java.util.TreeMap<>(labels));
    }
    return copy;
  }

  private static Map<String, String> withHash(Map<String, String> labels, String hash) {
    Map<String, String> copy = labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(labels);
    copy.put(HASH_LABEL, hash);
    return copy;
  }
}
