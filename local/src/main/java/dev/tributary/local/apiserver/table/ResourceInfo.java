package dev.tributary.local.apiserver.table;

import java.util.List;
import java.util.Objects;

/**
 * What the renderer needs to know about the resource being listed.
 *
 * @param group API group, {@code ""} for core
 * @param version API version the objects are in
 * @param kind the objects' kind, e.g. {@code Pod} or {@code PingSource}
 * @param plural resource name, e.g. {@code pods}
 * @param namespaced whether the resource is namespaced
 * @param printerColumns for a custom resource: the served CRD version's {@code
 *     additionalPrinterColumns} (possibly empty, which prints {@code Name} and {@code Age}); {@code
 *     null} for a built-in resource, which gets kube-apiserver's columns for its kind
 */
public record ResourceInfo(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<PrinterColumn> printerColumns) {

  public ResourceInfo {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
    printerColumns = printerColumns == null ? null : List.copyOf(printerColumns);
  }

  /** A built-in resource. */
  public static ResourceInfo builtIn(
      String group, String version, String kind, String plural, boolean namespaced) {
    return new ResourceInfo(group, version, kind, plural, namespaced, null);
  }

  /** Whether this is a custom resource (its columns come from its CRD). */
  public boolean isCustom() {
    return printerColumns != null;
  }
}
