package dev.tributary.local.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One resource the API server serves at one group-version: what discovery lists and what the REST
 * layer needs to store and answer for it.
 *
 * @param group the API group, empty for the core group
 * @param version e.g. {@code v1}
 * @param kind e.g. {@code Deployment}
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param singular e.g. {@code deployment}
 * @param namespaced whether objects live in namespaces
 * @param verbs the verbs discovery advertises
 * @param shortNames e.g. {@code deploy}
 * @param categories e.g. {@code all}
 * @param subresources the served subresources, e.g. {@code status}, {@code log}
 * @param storageVersion the version whose shape objects are stored in; every version of a resource
 *     shares one set of objects
 * @param customResource for a CRD's resource: the CRD's entry for this version ({@code
 *     spec.versions[i]}, with schema and printer columns); null for built-in resources
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    List<String> subresources,
    String storageVersion,
    ObjectNode customResource) {

  /** The verbs of a resource that supports everything. */
  public static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The verbs of a {@code status} subresource. */
  public static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

  public ResourceType {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
    Objects.requireNonNull(singular, "singular");
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
    subresources = List.copyOf(subresources);
    Objects.requireNonNull(storageVersion, "storageVersion");
  }

  /** {@code v1} or {@code apps/v1}: the {@code apiVersion} of this version's objects. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The {@code apiVersion} objects are stored with. */
  public String storageApiVersion() {
    return group.isEmpty() ? storageVersion : group + "/" + storageVersion;
  }

  /** The store's key for this resource: {@code pods}, {@code apps/deployments}. */
  public String storageResource() {
    return group.isEmpty() ? plural : group + "/" + plural;
  }

  /** {@code pods} or {@code deployments.apps}, as messages name the resource. */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The Kind of this resource's lists. */
  public String listKind() {
    return kind + "List";
  }

  /** Whether writes to the main resource keep the stored status (a status subresource exists). */
  public boolean hasStatus() {
    return subresources.contains("status");
  }

  /** Whether this is a custom resource served for a CRD. */
  public boolean isCustom() {
    return customResource != null;
  }

  /** Whether {@code verb} is allowed on the main resource. */
  public boolean allows(String verb) {
    return verbs.contains(verb);
  }
}
