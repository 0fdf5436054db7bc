package dev.tributary.local.kube.apps;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;

/** Small Deployments and ReplicaSets for unit tests. */
final class Fixtures {

  private Fixtures() {}

  static PodTemplateSpec template(String image) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage(image)
        .endContainer()
        .endSpec()
        .build();
  }

  static Deployment deployment(int replicas, String maxSurge, String maxUnavailable) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .withUid("d-uid")
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(Map.of("app", "web"))
        .endSelector()
        .withTemplate(template("nginx:1"))
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(intOrPercent(maxSurge))
        .withMaxUnavailable(intOrPercent(maxUnavailable))
        .endRollingUpdate()
        .endStrategy()
        .withProgressDeadlineSeconds(600)
        .withRevisionHistoryLimit(10)
        .endSpec()
        .build();
  }

  static IntOrString intOrPercent(String value) {
    return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
  }

  static ReplicaSet replicaSet(String name, int spec, int status, int ready, int available) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(spec)
        .endSpec()
        .withNewStatus()
        .withReplicas(status)
        .withReadyReplicas(ready)
        .withAvailableReplicas(available)
        .endStatus()
        .build();
  }
}
