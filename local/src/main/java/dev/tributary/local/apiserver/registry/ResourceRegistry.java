package dev.tributary.local.apiserver.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every resource the API server serves: the built-in ones, fixed at construction, and those of
 * CustomResourceDefinitions, added and removed while the server runs.
 *
 * <p>Thread-safe: readers see immutable snapshots, swapped whole on every change, so a request
 * always works with one consistent set; changes are serialized. Never blocks.
 */
public final class ResourceRegistry {

  private final List<ResourceType> builtins;
  private final Object writeLock = new Object();
  private final Map<String, List<ResourceType>> custom = new TreeMap<>(); // guarded by writeLock
  private volatile Snapshot snapshot;

  /** A registry serving {@code builtins}, in that order (discovery lists them so). */
  public ResourceRegistry(List<ResourceType> builtins) {
    this.builtins = List.copyOf(builtins);
    this.snapshot = Snapshot.of(this.builtins, Map.of());
  }

  /** The resource {@code plural} at {@code group/version}, if served. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(
        snapshot.byVersion.getOrDefault(new GroupVersion(group, version), Map.of()).get(plural));
  }

  /** The resource serving {@code kind} at {@code group/version}, if any. */
  public Optional<ResourceType> findByKind(String group, String version, String kind) {
    return snapshot
        .byVersion
        .getOrDefault(new GroupVersion(group, version), Map.of())
        .values()
        .stream()
        .filter(t -> t.kind().equals(kind))
        .findFirst();
  }

  /** Whether {@code group/version} is served. */
  public boolean serves(GroupVersion groupVersion) {
    return snapshot.byVersion.containsKey(groupVersion);
  }

  /** The served groups, core group ({@code ""}) first, in discovery order. */
  public List<String> groups() {
    return List.copyOf(snapshot.versionsByGroup.keySet());
  }

  /** The versions of {@code group}, preferred first; empty if the group is not served. */
  public List<GroupVersion> versions(String group) {
    return snapshot.versionsByGroup.getOrDefault(group, List.of());
  }

  /** The resources of one group-version, in discovery order. */
  public List<ResourceType> resources(GroupVersion groupVersion) {
    return List.copyOf(snapshot.byVersion.getOrDefault(groupVersion, Map.of()).values());
  }

  /** Every served resource at every version. */
  public List<ResourceType> all() {
    return snapshot.all;
  }

  /**
   * One entry per stored resource: the type at its storage version (or, if that version is not
   * served, any served one). What a sweep over every object of a namespace walks.
   */
  public List<ResourceType> storedResources() {
    Map<String, ResourceType> byStorage = new LinkedHashMap<>();
    for (ResourceType type : snapshot.all) {
      byStorage.merge(
          type.storageResource(), type, (a, b) -> a.version().equals(a.storageVersion()) ? a : b);
    }
    return List.copyOf(byStorage.values());
  }

  /**
   * Serves {@code types} on behalf of {@code owner} (a CRD's name), replacing what it served
   * before.
   */
  public void putCustom(String owner, List<ResourceType> types) {
    synchronized (writeLock) {
      custom.put(owner, List.copyOf(types));
      snapshot = Snapshot.of(builtins, custom);
    }
  }

  /** Stops serving what {@code owner} added. */
  public void removeCustom(String owner) {
    synchronized (writeLock) {
      if (custom.remove(owner) != null) {
        snapshot = Snapshot.of(builtins, custom);
      }
    }
  }

  private record Snapshot(
      List<ResourceType> all,
      Map<GroupVersion, Map<String, ResourceType>> byVersion,
      Map<String, List<GroupVersion>> versionsByGroup) {

    static Snapshot of(List<ResourceType> builtins, Map<String, List<ResourceType>> custom) {
      List<ResourceType> all = new ArrayList<>(builtins);
      // Custom groups after the built-in ones, alphabetically (owners are sorted by name, and a
      // CRD's name ends with its group, so sort explicitly by group).
      List<ResourceType> customTypes = new ArrayList<>();
      custom.values().forEach(customTypes::addAll);
      customTypes.sort(
          (a, b) -> {
            int group = a.group().compareTo(b.group());
            return group != 0 ? group : a.plural().compareTo(b.plural());
          });
      for (ResourceType type : customTypes) {
        boolean clash =
            all.stream()
                .anyMatch(
                    t ->
                        t.group().equals(type.group())
                            && t.version().equals(type.version())
                            && t.plural().equals(type.plural()));
        if (!clash) {
          all.add(type);
        }
      }
      Map<GroupVersion, Map<String, ResourceType>> byVersion = new LinkedHashMap<>();
      Map<String, List<GroupVersion>> versionsByGroup = new LinkedHashMap<>();
      for (ResourceType type : all) {
        GroupVersion gv = new GroupVersion(type.group(), type.version());
        byVersion.computeIfAbsent(gv, k -> new LinkedHashMap<>()).put(type.plural(), type);
        List<GroupVersion> versions =
            versionsByGroup.computeIfAbsent(type.group(), k -> new ArrayList<>());
        if (!versions.contains(gv)) {
          versions.add(gv);
        }
      }
      Map<String, List<GroupVersion>> sorted = new LinkedHashMap<>();
      versionsByGroup.forEach(
          (group, versions) -> {
            versions.sort((a, b) -> VersionPriority.ORDER.compare(a.version(), b.version()));
            sorted.put(group, List.copyOf(versions));
          });
      Map<GroupVersion, Map<String, ResourceType>> frozen = new LinkedHashMap<>();
      byVersion.forEach(
          (gv, types) -> frozen.put(gv, java.util.Collections.unmodifiableMap(types)));
      return new Snapshot(List.copyOf(all), frozen, sorted);
    }
  }
}
