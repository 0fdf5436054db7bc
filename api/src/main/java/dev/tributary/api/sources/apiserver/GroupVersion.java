package dev.tributary.api.sources.apiserver;

/**
 * A Kubernetes API group and version, parsed from an {@code apiVersion} string exactly as
 * apimachinery's {@code schema.ParseGroupVersion} does: {@code ""} and {@code "/"} parse to the
 * empty group and version (so an empty apiVersion is <em>accepted</em>, as upstream), a string
 * without {@code /} is a version of the core group, one {@code /} splits group from version, and
 * more than one is an error.
 *
 * @param group e.g. {@code apps}; {@code ""} for the core group
 * @param version e.g. {@code v1}
 */
public record GroupVersion(String group, String version) {

  /**
   * Parses {@code apiVersion}.
   *
   * @throws IllegalArgumentException {@code unexpected GroupVersion string: <apiVersion>} when it
   *     has more than one {@code /}
   */
  public static GroupVersion parse(String apiVersion) {
    String gv = apiVersion == null ? "" : apiVersion;
    if (gv.isEmpty() || gv.equals("/")) {
      return new GroupVersion("", "");
    }
    int slash = gv.indexOf('/');
    if (slash < 0) {
      return new GroupVersion("", gv);
    }
    if (gv.indexOf('/', slash + 1) >= 0) {
      throw new IllegalArgumentException("unexpected GroupVersion string: " + gv);
    }
    return new GroupVersion(gv.substring(0, slash), gv.substring(slash + 1));
  }

  /** True when {@link #parse} accepts {@code apiVersion}. */
  public static boolean isValid(String apiVersion) {
    return apiVersion == null || apiVersion.indexOf('/') == apiVersion.lastIndexOf('/');
  }
}
