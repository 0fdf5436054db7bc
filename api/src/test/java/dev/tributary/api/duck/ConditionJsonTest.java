package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void serializesOnlyTheConditionsFieldsWithEmptyOnesLeftOut() throws Exception {
    Condition ready = new Condition("Ready", "True", "", "2026-01-01T00:00:00Z", "", "");
    assertThat(json.writeValueAsString(ready))
        .isEqualTo(
            "{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}");
  }

  /**
   * The source tests compare whole written manifests, so they rely on this: the derived
   * isTrue()/isFalse()/isUnknown() views must never show up as "true"/"false"/"unknown" keys.
   */
  @Test
  void aStatusWritesOnlyConditionFieldsAndReadsBackEqual() throws Exception {
    List<Condition> conditions =
        List.of(
            new Condition("Ready", "Unknown", "", "2026-01-01T00:00:00Z", "Pending", "wait"),
            new Condition("SinkProvided", "True", "", "2026-01-01T00:00:00Z", "", ""),
            new Condition("Deployed", "False", "Warning", "2026-01-01T00:00:01Z", "Bad", "no"));
    SourceStatus status = new SourceStatus();
    status.setConditions(conditions);

    JsonNode written = json.readTree(json.writeValueAsString(status));
    for (JsonNode condition : written.get("conditions")) {
      assertThat(condition.fieldNames())
          .toIterable()
          .isSubsetOf("type", "status", "severity", "lastTransitionTime", "reason", "message")
          .doesNotContain("true", "false", "unknown");
    }
    SourceStatus again = json.treeToValue(written, SourceStatus.class);
    assertThat(again.getConditions()).isEqualTo(conditions);
  }
}
