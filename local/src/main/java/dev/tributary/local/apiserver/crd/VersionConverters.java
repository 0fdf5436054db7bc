package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link VersionConverter}s of the kinds served at more than one version, keyed by group and
 * kind; kinds without one convert by {@link VersionConverter#identity()}. Thread-safe.
 */
public final class VersionConverters {

  private final Map<String, VersionConverter> byGroupKind = new ConcurrentHashMap<>();

  /** Converts {@code group}'s {@code kind} with {@code converter} from now on. */
  public VersionConverters register(String group, String kind, VersionConverter converter) {
    byGroupKind.put(group + "/" + kind, converter);
    return this;
  }

  /**
   * {@code object} (of {@code group}/{@code kind}) as {@code toApiVersion}; {@code object} itself
   * if it already is.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException 500 if the converter fails
   */
  public ObjectNode convert(String group, String kind, ObjectNode object, String toApiVersion) {
    if (toApiVersion.equals(object.path("apiVersion").asText())) {
      return object;
    }
    VersionConverter converter =
        byGroupKind.getOrDefault(group + "/" + kind, VersionConverter.identity());
    try {
      ObjectNode converted = converter.convert(object, toApiVersion);
      converted.put("apiVersion", toApiVersion);
      converted.put("kind", kind);
      return converted;
    } catch (RuntimeException e) {
      throw ApiErrors.internal(
          "conversion of " + kind + " to " + toApiVersion + " failed: " + e.getMessage());
    }
  }
}
