package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finalizers hold a deleted object, marked with deletionTimestamp, until they are all removed. */
public abstract class FinalizerContract extends ApiServerContract {

  private static final String HOLD = "compat.tributary.dev/hold";

  private ConfigMap createHeld(String name, String... finalizers) {
    ConfigMap configMap = configMap(name, Map.of(), Map.of("k", "v"));
    configMap.getMetadata().setFinalizers(List.of(finalizers));
    return admin.configMaps().inNamespace(ns).resource(configMap).create();
  }

  private ConfigMap get(String name) {
    return admin.configMaps().inNamespace(ns).withName(name).get();
  }

  @Test
  void deleteMarksTheObjectAndItStaysUntilTheLastFinalizerIsRemoved() {
    createHeld("held", HOLD, HOLD + "-2");

    admin.configMaps().inNamespace(ns).withName("held").delete();

    ConfigMap deleting = get("held");
    assertThat(deleting).isNotNull();
    assertThat(OffsetDateTime.parse(deleting.getMetadata().getDeletionTimestamp())).isNotNull();
    assertThat(deleting.getMetadata().getDeletionGracePeriodSeconds()).isZero();
    assertThat(deleting.getMetadata().getFinalizers()).containsExactly(HOLD, HOLD + "-2");

    ConfigMap oneLeft =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(
                new ConfigMapBuilder(deleting)
                    .editMetadata()
                    .withFinalizers(HOLD + "-2")
                    .endMetadata()
                    .build())
            .update();
    assertThat(oneLeft.getMetadata().getDeletionTimestamp())
        .isEqualTo(deleting.getMetadata().getDeletionTimestamp());
    assertThat(get("held")).isNotNull();

    admin
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder(oneLeft)
                .editMetadata()
                .withFinalizers(List.of())
                .endMetadata()
                .build())
        .update();
    eventually().until(() -> get("held") == null);
  }

  @Test
  void deletingAgainKeepsTheFirstDeletionTimestamp() {
    createHeld("twice", HOLD);
    admin.configMaps().inNamespace(ns).withName("twice").delete();
    String first = get("twice").getMetadata().getDeletionTimestamp();

    admin.configMaps().inNamespace(ns).withName("twice").delete();

    assertThat(get("twice").getMetadata().getDeletionTimestamp()).isEqualTo(first);
    release("twice");
  }

  @Test
  void noFinalizerMayBeAddedToAnObjectBeingDeleted() {
    createHeld("closing", HOLD);
    admin.configMaps().inNamespace(ns).withName("closing").delete();
    ConfigMap deleting = get("closing");

    KubernetesClientException error =
        failure(
            () ->
                admin
                    .configMaps()
                    .inNamespace(ns)
                    .resource(
                        new ConfigMapBuilder(deleting)
                            .editMetadata()
                            .addToFinalizers("compat.tributary.dev/late")
                            .endMetadata()
                            .build())
                    .update());

    assertThat(error.getCode()).isEqualTo(422);
    assertThat(error.getStatus().getReason()).isEqualTo("Invalid");
    assertThat(error.getStatus().getDetails().getCauses())
        .anySatisfy(
            cause -> {
              assertThat(cause.getField()).isEqualTo("metadata.finalizers");
              assertThat(cause.getReason()).isEqualTo("FieldValueForbidden");
              assertThat(cause.getMessage())
                  .isEqualTo(
                      "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"compat.tributary.dev/late\"}");
            });
    release("closing");
  }

  @Test
  void otherFieldsOfAnObjectBeingDeletedMayStillChange() {
    createHeld("busy", HOLD);
    admin.configMaps().inNamespace(ns).withName("busy").delete();

    ConfigMap changed =
        admin
            .configMaps()
            .inNamespace(ns)
            .resource(new ConfigMapBuilder(get("busy")).addToData("k", "w").build())
            .update();

    assertThat(changed.getData()).containsEntry("k", "w");
    assertThat(changed.getMetadata().getDeletionTimestamp()).isNotNull();
    release("busy");
  }

  private void release(String name) {
    admin
        .configMaps()
        .inNamespace(ns)
        .withName(name)
        .edit(
            c ->
                new ConfigMapBuilder(c)
                    .editMetadata()
                    .withFinalizers(List.of())
                    .endMetadata()
                    .build());
    eventually().until(() -> get(name) == null);
  }
}
