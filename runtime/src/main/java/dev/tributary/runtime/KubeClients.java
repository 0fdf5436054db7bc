package dev.tributary.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the Kubernetes client a program talks to "a Kubernetes API" with, from the program's
 * {@link Env} only (never the process environment, so an in-JVM pod gets its own identity):
 *
 * <ol>
 *   <li>{@code KUBECONFIG} set: that kubeconfig file's current context (a developer's machine, the
 *       local cluster's in-JVM pods);
 *   <li>otherwise in-cluster, as client-go's {@code rest.InClusterConfig}: {@code
 *       https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT}, the ServiceAccount token and CA
 *       under {@link #SERVICE_ACCOUNT_DIR} (the token re-read on every request, as it rotates).
 * </ol>
 *
 * The caller owns the returned client and closes it.
 */
public final class KubeClients {

  /** Where Kubernetes mounts a pod's ServiceAccount credentials. */
  public static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

  private KubeClients() {}

  /**
   * The client for {@code env}.
   *
   * @throws EnvException when neither a kubeconfig nor an in-cluster configuration is available,
   *     with a message saying what to set
   */
  public static KubernetesClient fromEnv(Env env) {
    return new KubernetesClientBuilder().withConfig(config(env)).build();
  }

  /** The client configuration {@link #fromEnv} uses. */
  public static Config config(Env env) {
    String kubeconfig = env.get("KUBECONFIG");
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      // Like kubectl, the first file of a path list.
      Path file = Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]);
      try {
        return Config.fromKubeconfig(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new EnvException("KUBECONFIG=" + kubeconfig + ": cannot read " + file + ": " + e);
      }
    }
    String host = env.get("KUBERNETES_SERVICE_HOST");
    String port = env.get("KUBERNETES_SERVICE_PORT");
    if (host == null || host.isBlank() || port == null || port.isBlank()) {
      throw new EnvException(
          "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and"
              + " KUBERNETES_SERVICE_PORT must be defined (or set KUBECONFIG to a kubeconfig file)");
    }
    Path dir = Path.of(env.get("TRIBUTARY_SERVICE_ACCOUNT_DIR", SERVICE_ACCOUNT_DIR));
    Path token = dir.resolve("token");
    String bracketed = host.contains(":") ? "[" + host + "]" : host;
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("https://" + bracketed + ":" + port)
        .withCaCertFile(dir.resolve("ca.crt").toString())
        .withNamespace(readOrNull(dir.resolve("namespace")))
        .withOauthTokenProvider(() -> read(token))
        .build();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ServiceAccount token " + file, e);
    }
  }

  private static String readOrNull(Path file) {
    return Files.isReadable(file) ? read(file) : null;
  }
}
