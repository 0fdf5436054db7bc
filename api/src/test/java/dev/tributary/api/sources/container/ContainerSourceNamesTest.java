package dev.tributary.api.sources.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainerSourceNamesTest {

  @Test
  void shortNamesAreSuffixed() {
    assertThat(ContainerSourceNames.deployment("test-container-source"))
        .isEqualTo("test-container-source-deployment");
    assertThat(ContainerSourceNames.sinkBinding("test-container-source"))
        .isEqualTo("test-container-source-sinkbinding");
  }

  @Test
  void longNamesAreHashedToFit() {
    String name = "f".repeat(63);

    assertThat(ContainerSourceNames.deployment(name))
        .isEqualTo("ffffffffffffffffffff105d7597f637e83cc711605ac3ea4957-deployment");
    assertThat(ContainerSourceNames.sinkBinding(name))
        .hasSize(63)
        .endsWith("105d7597f637e83cc711605ac3ea4957-sinkbinding");
  }
}
