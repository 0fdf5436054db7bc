package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientsTest {

  @TempDir Path dir;

  @Test
  void usesTheKubeconfigNamedByTheEnv() throws Exception {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: local
          cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}
        users:
        - name: admin
          user: {token: secret-token}
        contexts:
        - name: local
          context: {cluster: local, user: admin, namespace: team}
        current-context: local
        """);

    Config config = KubeClients.config(Env.of(Map.of("KUBECONFIG", kubeconfig.toString())));

    assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
    assertThat(config.getAutoOAuthToken()).isEqualTo("secret-token");
    assertThat(config.getNamespace()).isEqualTo("team");
  }

  @Test
  void readsTheServiceAccountInCluster() throws Exception {
    Files.writeString(dir.resolve("token"), "sa-token\n");
    Files.writeString(dir.resolve("namespace"), "knative-eventing");

    Config config =
        KubeClients.config(
            Env.of(
                Map.of(
                    "KUBERNETES_SERVICE_HOST", "10.96.0.1",
                    "KUBERNETES_SERVICE_PORT", "443",
                    "TRIBUTARY_SERVICE_ACCOUNT_DIR", dir.toString())));

    assertThat(config.getMasterUrl()).startsWith("https://10.96.0.1:443");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("sa-token");
    assertThat(config.getNamespace()).isEqualTo("knative-eventing");
  }

  @Test
  void saysWhatToSetWhenThereIsNoConfiguration() {
    assertThatThrownBy(() -> KubeClients.config(Env.of(Map.of())))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("KUBERNETES_SERVICE_HOST")
        .hasMessageContaining("KUBECONFIG");
  }
}
