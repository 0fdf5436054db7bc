package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * Knative's {@code ceOverrides}: extension attributes added to every event a source sends. Its JSON
 * form, {@code {"extensions":{"k":"v"}}}, is also the value of the {@code K_CE_OVERRIDES}
 * environment variable.
 *
 * @param extensions extension name to string value; never null (empty when absent)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CloudEventOverrides(Map<String, String> extensions) {

  /** Overrides with no extensions. */
  public static final CloudEventOverrides NONE = new CloudEventOverrides(Map.of());

  public CloudEventOverrides {
    // Sorted so the JSON rendering (and so K_CE_OVERRIDES) is stable.
    extensions =
        extensions == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(extensions));
  }
}
