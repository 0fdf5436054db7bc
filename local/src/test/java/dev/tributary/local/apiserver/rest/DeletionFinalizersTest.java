package dev.tributary.local.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeletionFinalizersTest {

  @Test
  void thePolicyAddsItsFinalizerAfterTheOthers() {
    assertThat(DeletionFinalizers.forDelete(List.of("a"), "Foreground"))
        .containsExactly("a", "foregroundDeletion");
    assertThat(DeletionFinalizers.forDelete(List.of("a"), "Orphan")).containsExactly("a", "orphan");
    assertThat(DeletionFinalizers.forDelete(List.of("a"), "Background")).containsExactly("a");
  }

  @Test
  void anExplicitPolicyReplacesTheOtherGcFinalizer() {
    assertThat(DeletionFinalizers.forDelete(List.of("orphan", "a"), "Foreground"))
        .containsExactly("a", "foregroundDeletion");
    assertThat(DeletionFinalizers.forDelete(List.of("foregroundDeletion"), "Background")).isEmpty();
  }

  @Test
  void withoutAPolicyAGcFinalizerPresentStays() {
    assertThat(DeletionFinalizers.forDelete(List.of("orphan"), null)).containsExactly("orphan");
    assertThat(DeletionFinalizers.forDelete(List.of("foregroundDeletion", "a"), null))
        .containsExactly("a", "foregroundDeletion");
    assertThat(DeletionFinalizers.forDelete(List.of(), null)).isEmpty();
  }
}
