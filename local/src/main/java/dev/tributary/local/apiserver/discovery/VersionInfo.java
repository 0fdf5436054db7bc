package dev.tributary.local.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;

/**
 * The {@code /version} answer. Reports Kubernetes 1.32: the kubectl found on PATH may be a
 * dispatcher that picks the kubectl binary it runs from {@code minor}, and 1.32 is the behaviour
 * this server is built to.
 */
public final class VersionInfo {

  private VersionInfo() {}

  /** All nine VersionInfo fields (the Python typed client requires every one). */
  public static ObjectNode json() {
    ObjectNode version = Json.NODES.objectNode();
    version.put("major", "1");
    version.put("minor", "32");
    version.put("gitVersion", "v1.32.0");
    version.put("gitCommit", "0000000000000000000000000000000000000000");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "2025-01-01T00:00:00Z");
    version.put("goVersion", "go1.23.0");
    version.put("compiler", "gc");
    version.put("platform", platform());
    return version;
  }

  private static String platform() {
    String arch = System.getProperty("os.arch", "amd64");
    String goArch =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    String os = System.getProperty("os.name", "linux").toLowerCase(java.util.Locale.ROOT);
    String goOs = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    return goOs + "/" + goArch;
  }
}
