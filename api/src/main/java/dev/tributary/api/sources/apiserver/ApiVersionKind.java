package dev.tributary.api.sources.apiserver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An apiVersion and kind pair: the type of {@code spec.owner} (upstream's {@code APIVersionKind}).
 * Both keys are always written, as upstream's JSON has no {@code omitempty} on them.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code ReplicaSet}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiVersionKind(String apiVersion, String kind) {
  public ApiVersionKind {
    apiVersion = apiVersion == null ? "" : apiVersion;
    kind = kind == null ? "" : kind;
  }
}
