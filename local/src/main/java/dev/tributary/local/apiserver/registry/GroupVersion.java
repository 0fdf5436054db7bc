package dev.tributary.local.apiserver.registry;

import java.util.Objects;

/**
 * An API group and version.
 *
 * @param group empty for the core group
 * @param version e.g. {@code v1}
 */
public record GroupVersion(String group, String version) {

  public GroupVersion {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
  }

  /** Parses an {@code apiVersion}: {@code v1} or {@code apps/v1}. */
  public static GroupVersion parse(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0
        ? new GroupVersion("", apiVersion)
        : new GroupVersion(apiVersion.substring(0, slash), apiVersion.substring(slash + 1));
  }

  @Override
  public String toString() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
