package dev.tributary.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.api.duck.CloudEventOverrides;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Knative's {@code ceOverrides} ({@code K_CE_OVERRIDES}) to outgoing events: each extension
 * is set, lower-cased, as a string, replacing an extension of the same name.
 *
 * <p>A key naming a core attribute ({@code id}, {@code source}, {@code type}, {@code
 * datacontenttype}, {@code subject}, {@code time}, {@code specversion}, {@code dataschema}), or one
 * that is not a valid extension name (ASCII letters and digits), is never applied: sdk-go rejects
 * such a key too. Unlike upstream, each skipped key is logged once, here at construction, with the
 * reason.
 *
 * <p>Immutable and thread-safe.
 */
public final class CeOverridesApplier {

  /** The environment variable this class reads the format of. */
  public static final String ENV = "K_CE_OVERRIDES";

  private static final Logger LOG = LoggerFactory.getLogger(CeOverridesApplier.class);

  private static final Set<String> CORE_ATTRIBUTES =
      Set.of(
          "id",
          "source",
          "type",
          "datacontenttype",
          "subject",
          "time",
          "specversion",
          "dataschema");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> extensions;

  /** Applies {@code overrides}, minus the keys it cannot apply (each logged once, here). */
  public CeOverridesApplier(CloudEventOverrides overrides) {
    Map<String, String> applicable = new LinkedHashMap<>();
    overrides
        .extensions()
        .forEach(
            (key, value) -> {
              String name = key.toLowerCase(Locale.ROOT);
              if (CORE_ATTRIBUTES.contains(name)) {
                LOG.warn(
                    "ceOverrides extension not applied key={} reason=\"CloudEvents core attribute"
                        + " MUST NOT be overwritten by an extension\"",
                    key);
              } else if (!isValidExtensionName(name)) {
                LOG.warn(
                    "ceOverrides extension not applied key={} reason=\"extension names are ASCII"
                        + " letters and digits only\"",
                    key);
              } else {
                applicable.put(name, value == null ? "" : value);
              }
            });
    this.extensions = Collections.unmodifiableMap(applicable);
  }

  /** An applier that changes nothing. */
  public static CeOverridesApplier none() {
    return new CeOverridesApplier(CloudEventOverrides.NONE);
  }

  /**
   * Parses the value of {@code K_CE_OVERRIDES}: {@code {"extensions":{"k":"v",...}}}. Unknown
   * fields are ignored (as Go's {@code json.Unmarshal} does); extension values must be strings.
   *
   * @param kCeOverrides the variable's value; null, empty or blank means {@link
   *     CloudEventOverrides#NONE}
   * @throws IllegalArgumentException naming K_CE_OVERRIDES when the value is malformed
   */
  public static CloudEventOverrides parseEnv(String kCeOverrides) {
    if (kCeOverrides == null || kCeOverrides.isBlank()) {
      return CloudEventOverrides.NONE;
    }
    JsonNode root;
    try {
      root = JSON.readTree(kCeOverrides);
    } catch (JsonProcessingException e) {
      throw malformed(Reasons.oneLine(e.getOriginalMessage()));
    }
    if (root == null || root.isNull()) {
      return CloudEventOverrides.NONE;
    }
    if (!root.isObject()) {
      throw malformed("expected a JSON object, got " + root.getNodeType());
    }
    JsonNode extensions = root.get("extensions");
    if (extensions == null || extensions.isNull()) {
      return CloudEventOverrides.NONE;
    }
    if (!extensions.isObject()) {
      throw malformed("\"extensions\" must be an object of strings");
    }
    Map<String, String> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : extensions.properties()) {
      if (!field.getValue().isTextual()) {
        throw malformed("extension \"" + field.getKey() + "\" must be a string");
      }
      parsed.put(field.getKey(), field.getValue().textValue());
    }
    return new CloudEventOverrides(parsed);
  }

  /** The extensions {@link #apply} sets: lower-cased names, skipped keys removed. */
  public Map<String, String> extensions() {
    return extensions;
  }

  /** {@code event} with the overrides set; {@code event} itself when there are none. */
  public CloudEvent apply(CloudEvent event) {
    if (extensions.isEmpty()) {
      return event;
    }
    CloudEventBuilder builder = CloudEventBuilder.from(event);
    extensions.forEach(builder::withExtension);
    return builder.build();
  }

  private static boolean isValidExtensionName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException malformed(String detail) {
    return new IllegalArgumentException(ENV + " is not valid JSON overrides: " + detail);
  }
}
