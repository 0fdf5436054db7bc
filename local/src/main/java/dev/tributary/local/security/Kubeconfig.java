package dev.tributary.local.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig that points kubectl, fabric8 and the Python client at the local API server:
 * cluster {@code tributary} (the server's address and the cluster CA), user {@code tributary-admin}
 * (the admin bearer token), context {@code tributary} (namespace {@code default}), which is the
 * current context. Stateless.
 */
public final class Kubeconfig {

  /** The cluster entry's name. */
  public static final String CLUSTER_NAME = "tributary";

  /** The user entry's name. */
  public static final String USER_NAME = "tributary-admin";

  /** The context's name, also the current context. */
  public static final String CONTEXT_NAME = "tributary";

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private Kubeconfig() {}

  /** The URL of an API server listening on loopback port {@code port}. */
  public static String serverUrl(int port) {
    return "https://127.0.0.1:" + port;
  }

  /**
   * The kubeconfig YAML. Contains the admin token: a secret.
   *
   * @param serverUrl e.g. {@code https://127.0.0.1:6443}
   * @param caCertificatePem the cluster CA, PEM; embedded base64-encoded
   * @param token the admin bearer token
   */
  public static String render(String serverUrl, byte[] caCertificatePem, String token) {
    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("certificate-authority-data", Base64.getEncoder().encodeToString(caCertificatePem));
    cluster.put("server", serverUrl);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("cluster", CLUSTER_NAME);
    context.put("namespace", "default");
    context.put("user", USER_NAME);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiVersion", "v1");
    config.put("kind", "Config");
    config.put("clusters", List.of(Map.of("name", CLUSTER_NAME, "cluster", cluster)));
    config.put("contexts", List.of(Map.of("name", CONTEXT_NAME, "context", context)));
    config.put("current-context", CONTEXT_NAME);
    config.put("preferences", Map.of());
    config.put("users", List.of(Map.of("name", USER_NAME, "user", Map.of("token", token))));
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialize", e);
    }
  }

  /**
   * Writes the kubeconfig for a server on loopback port {@code port} to {@link
   * DataDir#kubeconfig()}, owner-only and atomically (a temporary file moved into place, so a
   * client never reads half of it). Blocks on disk I/O.
   *
   * @return the file written
   */
  public static Path write(
      DataDir dataDir, int port, ClusterCertificates certificates, Tokens tokens)
      throws IOException {
    return write(
        dataDir.kubeconfig(),
        serverUrl(port),
        certificates.caCertificatePem(),
        tokens.adminToken());
  }

  /** Writes {@link #render} output to {@code file}, owner-only and atomically. */
  public static Path write(Path file, String serverUrl, byte[] caCertificatePem, String token)
      throws IOException {
    OwnerOnlyFiles.writeAtomically(
        file, render(serverUrl, caCertificatePem, token).getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
