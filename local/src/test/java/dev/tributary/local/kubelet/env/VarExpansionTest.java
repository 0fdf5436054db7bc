package dev.tributary.local.kubelet.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VarExpansionTest {

  private static final Map<String, String> VARS = Map.of("A", "a", "POD_IP", "127.1.0.1");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$(A)|a",
        "http://$(POD_IP):8080|http://127.1.0.1:8080",
        "$(MISSING)|$(MISSING)",
        "$$(A)|$(A)",
        "$$|$",
        "a$b|a$b",
        "$(A|$(A",
        "x$|x$",
        "plain|plain"
      })
  void expandsAsKubernetes(String input, String expected) {
    assertThat(VarExpansion.expand(input, VARS)).isEqualTo(expected);
  }
}
