package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Converts a kind between its versions through one hub version (Kubernetes' "hub and spoke"): every
 * other version knows how to go to the hub and back, so any two convert through it. Thread-safe
 * once built.
 */
public final class HubConverter implements VersionConverter {

  private final String group;
  private final String hub;
  private final Map<String, UnaryOperator<ObjectNode>> toHub = new HashMap<>();
  private final Map<String, UnaryOperator<ObjectNode>> fromHub = new HashMap<>();

  /**
   * @param group the API group
   * @param hub the hub version, e.g. {@code v1}
   */
  public HubConverter(String group, String hub) {
    this.group = Objects.requireNonNull(group, "group");
    this.hub = Objects.requireNonNull(hub, "hub");
  }

  /**
   * Adds {@code version}, with its conversions to and from the hub. Not thread-safe: build first.
   */
  public HubConverter spoke(
      String version,
      UnaryOperator<ObjectNode> toHubVersion,
      UnaryOperator<ObjectNode> fromHubVersion) {
    toHub.put(version, toHubVersion);
    fromHub.put(version, fromHubVersion);
    return this;
  }

  @Override
  public ObjectNode convert(ObjectNode object, String toApiVersion) {
    String from = version(object.path("apiVersion").asText());
    String to = version(toApiVersion);
    ObjectNode atHub = from.equals(hub) ? object.deepCopy() : step(toHub, from).apply(object);
    atHub.put("apiVersion", group + "/" + hub);
    ObjectNode result = to.equals(hub) ? atHub : step(fromHub, to).apply(atHub);
    result.put("apiVersion", toApiVersion);
    return result;
  }

  private static UnaryOperator<ObjectNode> step(
      Map<String, UnaryOperator<ObjectNode>> steps, String version) {
    UnaryOperator<ObjectNode> step = steps.get(version);
    if (step == null) {
      throw new IllegalArgumentException("no conversion for version " + version);
    }
    return step;
  }

  private static String version(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }
}
