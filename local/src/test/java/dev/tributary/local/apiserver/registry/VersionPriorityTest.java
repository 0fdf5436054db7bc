package dev.tributary.local.apiserver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionPriorityTest {

  @Test
  void ordersAsKubernetesDoes() {
    List<String> versions =
        new ArrayList<>(
            List.of(
                "v1alpha1",
                "foo",
                "v1beta1",
                "v11alpha2",
                "v1",
                "v2",
                "v1beta2",
                "v12alpha1",
                "bar"));

    versions.sort(VersionPriority.ORDER);

    assertThat(versions)
        .containsExactly(
            "v2", "v1", "v1beta2", "v1beta1", "v12alpha1", "v11alpha2", "v1alpha1", "bar", "foo");
  }
}
