package dev.tributary.local.apiserver.discovery;

import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.List;

/** What discovery says about each subresource this server knows. Stateless. */
final class Subresources {

  private Subresources() {}

  /** The verbs of subresource {@code name}. */
  static List<String> verbs(String name) {
    return switch (name) {
      case "status" -> ResourceType.STATUS_VERBS;
      case "log" -> List.of("get");
      case "scale" -> List.of("get", "patch", "update");
      default -> List.of("get");
    };
  }
}
