package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConditionJsonTest {
  @Test
  void serializesOnlyTheConditionsFieldsWithEmptyOnesLeftOut() throws Exception {
    Condition ready = new Condition("Ready", "True", "", "2026-01-01T00:00:00Z", "", "");
    assertThat(new ObjectMapper().writeValueAsString(ready))
        .isEqualTo(
            "{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}");
  }
}
