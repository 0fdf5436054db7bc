package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.apiserver.GroupVersionResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointStoreTest {

  @Test
  void theConfigMapIsNamedFromTheSourceAndStaysAValidName() {
    assertThat(CheckpointStore.configMapName("events"))
        .isEqualTo("events-apiserversource-checkpoint");
    String longName = "a".repeat(60);
    assertThat(CheckpointStore.configMapName(longName))
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-apiserversource-checkpoint");
  }

  @Test
  void watchIdsAreValidConfigMapKeysPerResourceAndNamespace() {
    var namespaced =
        new APIResourceBuilder()
            .withName("deployments")
            .withKind("Deployment")
            .withNamespaced(true)
            .build();
    var clusterScoped =
        new APIResourceBuilder().withName("nodes").withKind("Node").withNamespaced(false).build();
    GroupVersionResource deployments = new GroupVersionResource("apps", "v1", "deployments");
    GroupVersionResource nodes = new GroupVersionResource("", "v1", "nodes");

    assertThat(WatchTarget.of(deployments, namespaced, "", List.of("a", "b"), false))
        .extracting(WatchTarget::id)
        .containsExactly("deployments.apps.v1.a", "deployments.apps.v1.b");
    assertThat(WatchTarget.of(deployments, namespaced, "", List.of("a", "b"), true))
        .extracting(WatchTarget::id)
        .containsExactly("deployments.apps.v1._cluster");
    assertThat(WatchTarget.of(nodes, clusterScoped, "x=y", List.of("a"), false))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id()).isEqualTo("nodes.core.v1._cluster");
              assertThat(t.namespace()).isNull();
              assertThat(t.selector()).isEqualTo("x=y");
            });
  }
}
