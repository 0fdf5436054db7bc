package dev.tributary.controller.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Tracker;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The paths of the create-or-update shape that make no write: a child that is up to date is
 * returned as cached, one owned by someone else is refused, and the owner always tracks its child.
 * (Creates and updates are covered against a real API server by the sources' ITs.)
 */
class ChildReconcilerTest {

  // Never connected: these paths make no request.
  private final KubernetesClient client =
      new KubernetesClientBuilder()
          .withConfig(
              new io.fabric8.kubernetes.client.ConfigBuilder()
                  .withMasterUrl("https://127.0.0.1:1")
                  .build())
          .build();
  private final List<Map.Entry<Reference, ObjectKey>> tracked = new ArrayList<>();
  private final Tracker tracker =
      new Tracker() {
        @Override
        public void track(Reference reference, ObjectKey dependant) {
          tracked.add(Map.entry(reference, dependant));
        }

        @Override
        public void untrack(ObjectKey dependant) {}
      };
  private GenericKubernetesResource cached;
  private final ChildReconciler children =
      new ChildReconciler(
          client,
          (apiVersion, kind, namespace, name) -> Optional.ofNullable(cached),
          tracker,
          new EventRecorder(client, "test-controller", Clock.systemUTC()));

  private final ConfigMap owner =
      new ConfigMapBuilder()
          .withNewMetadata()
          .withNamespace("ns")
          .withName("owner")
          .withUid("owner-uid")
          .endMetadata()
          .build();

  @AfterEach
  void close() {
    client.close();
  }

  private ConfigMap child(String uid, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("owner-child")
        .addNewOwnerReference()
        .withApiVersion("v1")
        .withKind("ConfigMap")
        .withName("owner")
        .withUid(uid)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .addToData("k", value)
        .build();
  }

  private ChildRecipe<ConfigMap> recipe(ConfigMap desired) {
    return new ChildRecipe<>(
        desired,
        ConfigMap.class,
        (live, want) -> want.getData().equals(live.getData()),
        (live, want) -> {
          live.setData(want.getData());
          return live;
        },
        new ChildMessages("Created", "created", "Updated", "updated", "not ours"));
  }

  private void cache(ConfigMap live) {
    cached =
        client.getKubernetesSerialization().convertValue(live, GenericKubernetesResource.class);
  }

  @Test
  void anUpToDateChildIsReturnedAsCachedAndTracked() {
    cache(child("owner-uid", "v"));

    ConfigMap result = children.reconcile(owner, recipe(child("owner-uid", "v")));

    assertThat(result.getData()).containsEntry("k", "v");
    assertThat(tracked)
        .containsExactly(
            Map.entry(
                Reference.byName("v1", "ConfigMap", "ns", "owner-child"),
                new ObjectKey("ns", "owner")));
  }

  @Test
  void aChildControlledBySomeoneElseIsRefused() {
    cache(child("someone-else", "v"));

    assertThatThrownBy(() -> children.reconcile(owner, recipe(child("owner-uid", "other"))))
        .isInstanceOf(ChildNotOwnedException.class)
        .hasMessage("not ours");
  }

  @Test
  void aChildWithoutControllerIsRefused() {
    ConfigMap orphan = child("owner-uid", "v");
    orphan.getMetadata().getOwnerReferences().get(0).setController(false);
    cache(orphan);

    assertThatThrownBy(() -> children.reconcile(owner, recipe(child("owner-uid", "v"))))
        .isInstanceOf(ChildNotOwnedException.class);
  }
}
