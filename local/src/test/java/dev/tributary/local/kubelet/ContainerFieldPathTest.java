package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class ContainerFieldPathTest {

  private final Pod pod =
      new PodBuilder()
          .withNewSpec()
          .addNewInitContainer()
          .withName("setup")
          .endInitContainer()
          .addNewContainer()
          .withName("main")
          .endContainer()
          .addNewContainer()
          .endContainer()
          .endSpec()
          .build();

  @Test
  void containersAndInitContainersByName() {
    assertThat(ContainerFieldPath.of(pod, named("main"))).isEqualTo("spec.containers{main}");
    assertThat(ContainerFieldPath.of(pod, named("setup"))).isEqualTo("spec.initContainers{setup}");
  }

  @Test
  void anUnnamedContainerByIndex() {
    assertThat(ContainerFieldPath.of(pod, new Container())).isEqualTo("spec.containers[1]");
  }

  @Test
  void aContainerNotInThePodIsImplicit() {
    assertThat(ContainerFieldPath.of(pod, named("pause")))
        .isEqualTo("implicitly required container pause");
  }

  private static Container named(String name) {
    return new ContainerBuilder().withName(name).build();
  }
}
