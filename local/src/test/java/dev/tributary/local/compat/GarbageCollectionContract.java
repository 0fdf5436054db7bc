package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection through ownerReferences: background and foreground cascades, orphaning, and
 * dependents whose owner never existed.
 */
public abstract class GarbageCollectionContract extends ApiServerContract {

  private static OwnerReference ownedBy(ConfigMap owner, boolean blockOwnerDeletion) {
    return new OwnerReferenceBuilder()
        .withApiVersion("v1")
        .withKind("ConfigMap")
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withBlockOwnerDeletion(blockOwnerDeletion)
        .build();
  }

  private ConfigMap dependent(String name, OwnerReference owner) {
    ConfigMap configMap = configMap(name, Map.of(), Map.of());
    configMap.getMetadata().setOwnerReferences(List.of(owner));
    return admin.configMaps().inNamespace(ns).resource(configMap).create();
  }

  private ConfigMap get(String name) {
    return admin.configMaps().inNamespace(ns).withName(name).get();
  }

  @Test
  void aBackgroundDeleteRemovesDependents() {
    ConfigMap owner = createConfigMap("bg-owner", Map.of());
    dependent("bg-dependent", ownedBy(owner, false));

    admin
        .configMaps()
        .inNamespace(ns)
        .withName("bg-owner")
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();

    eventually().until(() -> get("bg-owner") == null && get("bg-dependent") == null);
  }

  @Test
  void aForegroundDeleteWaitsForBlockingDependents() {
    ConfigMap owner = createConfigMap("fg-owner", Map.of());
    dependent("fg-dependent", ownedBy(owner, true));

    admin
        .configMaps()
        .inNamespace(ns)
        .withName("fg-owner")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();

    ConfigMap deleting = get("fg-owner");
    if (deleting != null) {
      // Until its dependents are gone the owner is visible, marked for foreground deletion.
      assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
      assertThat(deleting.getMetadata().getFinalizers()).contains("foregroundDeletion");
    }
    eventually().until(() -> get("fg-owner") == null && get("fg-dependent") == null);
  }

  @Test
  void anOrphaningDeleteKeepsDependentsAndDropsTheirOwnerReference() {
    ConfigMap owner = createConfigMap("orphan-owner", Map.of());
    dependent("orphan-dependent", ownedBy(owner, false));

    admin
        .configMaps()
        .inNamespace(ns)
        .withName("orphan-owner")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    eventually().until(() -> get("orphan-owner") == null);
    eventually()
        .until(
            () -> {
              ConfigMap orphan = get("orphan-dependent");
              return orphan != null
                  && (orphan.getMetadata().getOwnerReferences() == null
                      || orphan.getMetadata().getOwnerReferences().isEmpty());
            });
  }

  @Test
  void aDependentOfAnOwnerThatDoesNotExistIsCollected() {
    ConfigMap ghost = configMap("ghost", Map.of(), Map.of());
    ghost.getMetadata().setUid("00000000-0000-0000-0000-00000000dead");

    dependent("haunted", ownedBy(ghost, false));

    eventually().until(() -> get("haunted") == null);
  }

  @Test
  void aDependentWithAnotherLiveOwnerSurvives() {
    ConfigMap first = createConfigMap("first-owner", Map.of());
    ConfigMap second = createConfigMap("second-owner", Map.of());
    ConfigMap shared = configMap("shared-dependent", Map.of(), Map.of());
    shared.getMetadata().setOwnerReferences(List.of(ownedBy(first, false), ownedBy(second, false)));
    admin.configMaps().inNamespace(ns).resource(shared).create();

    admin.configMaps().inNamespace(ns).withName("first-owner").delete();

    eventually().until(() -> get("first-owner") == null);
    eventually()
        .until(
            () ->
                get("shared-dependent").getMetadata().getOwnerReferences().stream()
                    .noneMatch(r -> r.getName().equals("first-owner")));
    assertThat(get("shared-dependent")).isNotNull();
  }
}
