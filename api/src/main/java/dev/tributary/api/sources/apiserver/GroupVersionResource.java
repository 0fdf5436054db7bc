package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;

/**
 * A group, version and plural resource name, as apimachinery's {@code schema.GroupVersionResource}.
 * Its JSON keys are capitalised ({@code Group}, {@code Version}, {@code Resource}) because the Go
 * struct has no JSON tags; that is how it appears in {@code K_SOURCE_CONFIG}.
 */
@JsonPropertyOrder({"Group", "Version", "Resource"})
public record GroupVersionResource(
    @JsonProperty("Group") String group,
    @JsonProperty("Version") String version,
    @JsonProperty("Resource") String resource) {

  public GroupVersionResource {
    group = group == null ? "" : group;
    version = version == null ? "" : version;
    resource = resource == null ? "" : resource;
  }

  /**
   * The resource apimachinery's {@code meta.UnsafeGuessKindToResource} guesses for {@code kind} in
   * {@code groupVersion}; all three parts are empty when {@code kind} is empty, as upstream.
   */
  public static GroupVersionResource guess(GroupVersion groupVersion, String kind) {
    if (kind == null || kind.isEmpty()) {
      return new GroupVersionResource("", "", "");
    }
    return new GroupVersionResource(
        groupVersion.group(), groupVersion.version(), guessPlural(kind));
  }

  /**
   * The plural resource name apimachinery's {@code UnsafeGuessKindToResource} guesses from a kind,
   * which Knative uses for SubjectAccessReviews, {@code K_SOURCE_CONFIG} and event subjects: the
   * kind in lower case; unchanged if it ends in {@code endpoints}; {@code +es} after a trailing
   * {@code s}; a trailing {@code y} becomes {@code ies} (so {@code Gateway} gives {@code
   * gatewaies}, a known quirk kept for compatibility); else {@code +s}. {@code ""} for {@code ""}.
   */
  public static String guessPlural(String kind) {
    if (kind == null || kind.isEmpty()) {
      return "";
    }
    String singular = kind.toLowerCase(Locale.ROOT);
    if (singular.endsWith("endpoints")) {
      return singular;
    }
    return switch (singular.charAt(singular.length() - 1)) {
      case 's' -> singular + "es";
      case 'y' -> singular.substring(0, singular.length() - 1) + "ies";
      default -> singular + "s";
    };
  }
}
