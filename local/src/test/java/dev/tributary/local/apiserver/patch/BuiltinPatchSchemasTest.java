package dev.tributary.local.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinPatchSchemasTest {

  private final BuiltinPatchSchemas schemas = new BuiltinPatchSchemas();

  @Test
  void knowsTheMergeKeysOfAPodTemplateWherePodsAreEmbedded() {
    PatchSchema deployment = schemas.forKind("apps/v1", "Deployment").orElseThrow();
    PatchSchema cronJob = schemas.forKind("batch/v1beta1", "CronJob").orElseThrow();
    PatchSchema pod = schemas.forKind("v1", "Pod").orElseThrow();

    assertThat(deployment.listMerge(path("spec.template.spec.containers")))
        .hasValue(ListMerge.byKey("name"));
    assertThat(deployment.listMerge(path("spec.template.spec.initContainers.env")))
        .hasValue(ListMerge.byKey("name"));
    assertThat(deployment.listMerge(path("spec.template.spec.containers.ports")))
        .hasValue(ListMerge.byKey("containerPort"));
    assertThat(deployment.listMerge(path("spec.template.spec.volumes")))
        .hasValue(ListMerge.byKey("name"));
    assertThat(deployment.listMerge(path("status.conditions"))).hasValue(ListMerge.byKey("type"));
    assertThat(
            cronJob.listMerge(path("spec.jobTemplate.spec.template.spec.containers.volumeMounts")))
        .hasValue(ListMerge.byKey("mountPath"));
    assertThat(pod.listMerge(path("spec.hostAliases"))).hasValue(ListMerge.byKey("ip"));
    assertThat(pod.listMerge(path("status.podIPs"))).hasValue(ListMerge.byKey("ip"));
  }

  @Test
  void everyBuiltinKindMergesOwnerReferencesByUidAndFinalizersAsASet() {
    assertThat(schemas.kinds())
        .contains("v1/ConfigMap", "rbac.authorization.k8s.io/v1/ClusterRole");
    for (String kind : schemas.kinds()) {
      int slash = kind.lastIndexOf('/');
      PatchSchema schema =
          schemas.forKind(kind.substring(0, slash), kind.substring(slash + 1)).orElseThrow();
      assertThat(schema.listMerge(path("metadata.ownerReferences")))
          .as(kind)
          .hasValue(ListMerge.byKey("uid"));
      assertThat(schema.listMerge(path("metadata.finalizers")))
          .as(kind)
          .hasValue(ListMerge.PRIMITIVE_SET);
    }
  }

  @Test
  void listsWithoutAMergeStrategyAreAtomic() {
    PatchSchema pod = schemas.forKind("v1", "Pod").orElseThrow();
    PatchSchema role = schemas.forKind("rbac.authorization.k8s.io/v1", "ClusterRole").orElseThrow();
    PatchSchema binding =
        schemas.forKind("rbac.authorization.k8s.io/v1", "RoleBinding").orElseThrow();

    assertThat(pod.listMerge(path("spec.tolerations"))).isEmpty();
    assertThat(pod.listMerge(path("spec.containers.envFrom"))).isEmpty();
    assertThat(pod.listMerge(path("spec.containers.args"))).isEmpty();
    assertThat(pod.listMerge(path("spec.containers.env.valueFrom"))).isEmpty();
    assertThat(role.listMerge(path("rules"))).isEmpty();
    assertThat(binding.listMerge(path("subjects"))).isEmpty();
  }

  @Test
  void customResourcesHaveNoSchemaSoNoStrategicMergePatch() {
    assertThat(schemas.forKind("sources.knative.dev/v1", "PingSource")).isEmpty();
    assertThat(schemas.forKind("apps/v1beta1", "Deployment")).isEmpty();
    assertThat(schemas.forKind("apiextensions.k8s.io/v1", "CustomResourceDefinition")).isPresent();
  }

  private static List<String> path(String dotted) {
    return List.of(dotted.split("\\."));
  }
}
