package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void alignsColumnsAsKubectlDoes() {
    // As `kubectl get deploy` prints it: 3 spaces after the widest cell, the last column ragged.
    String text =
        TextTable.render(
            List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE"),
            List.of(
                List.of("eventing-controller", "1/1", "1", "1"),
                List.of("eventing-webhook", "0/1", "1", "0")));

    assertThat(text)
        .isEqualTo(
            """
            NAME                  READY   UP-TO-DATE   AVAILABLE
            eventing-controller   1/1     1            1
            eventing-webhook      0/1     1            0
            """);
  }

  @Test
  void narrowColumnsAreSixWideAndWidthCountsCharactersNotBytes() {
    String text =
        TextTable.render(
            List.of("A", "B", "C"), List.of(List.of("é", "", "x"), List.of("", "b", "")));

    assertThat(text).isEqualTo("A     B     C\né           x\n      b     \n");
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> TextTable.render(List.of("A", "B"), List.of(List.of("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 cells for 2 columns");
  }
}
