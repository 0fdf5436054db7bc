package dev.tributary.local.kubelet;

import dev.tributary.local.datadir.OwnerOnlyFiles;
import dev.tributary.local.security.Kubeconfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A pod's directory under the kubelet's data dir, {@code <data-dir>/kubelet/pods/<uid>/}: the
 * working directory of its host processes and its ServiceAccount credentials, laid out as
 * Kubernetes mounts them ({@code serviceaccount/token}, {@code ca.crt}, {@code namespace}) plus a
 * {@code kubeconfig} that in-JVM programs get as {@code KUBECONFIG}. Files holding the token are
 * owner-only. Blocks on disk I/O; one instance per pod, used from its worker only.
 */
final class PodFiles {

  private final Path dir;

  PodFiles(Path kubeletDir, String podUid) {
    this.dir = kubeletDir.resolve("pods").resolve(podUid);
  }

  Path dir() throws IOException {
    return Files.createDirectories(dir);
  }

  Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  /** The token written earlier for this pod (before a kubelet restart), if any. */
  Optional<String> token() throws IOException {
    Path token = dir.resolve("serviceaccount").resolve("token");
    return Files.exists(token)
        ? Optional.of(Files.readString(token, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  /** Writes the ServiceAccount mount and the kubeconfig authenticating with {@code token}. */
  void writeCredentials(String serverUrl, byte[] caPem, String namespace, String token)
      throws IOException {
    Path sa = Files.createDirectories(dir.resolve("serviceaccount"));
    OwnerOnlyFiles.writeAtomically(sa.resolve("token"), token.getBytes(StandardCharsets.UTF_8));
    Files.write(sa.resolve("ca.crt"), caPem);
    Files.writeString(sa.resolve("namespace"), namespace, StandardCharsets.UTF_8);
    Kubeconfig.write(kubeconfig(), serverUrl, caPem, token);
  }

  /** Removes the directory (the pod is gone). */
  void delete() throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
