package dev.tributary.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.OwnerOnlyFiles;
import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

  @TempDir Path temp;

  @Test
  void fabric8ReadsTheServerTheTokenAndTheCa() throws Exception {
    DataDir dir = DataDir.open(temp.resolve("data"));
    ClusterCertificates certs = ClusterCertificates.loadOrCreate(dir, Clock.systemUTC());
    Tokens tokens = Tokens.loadOrCreate(dir);

    Path written = Kubeconfig.write(dir, 16443, certs, tokens);

    assertThat(written).isEqualTo(dir.kubeconfig());
    Config config = Config.fromKubeconfig(Files.readString(written));
    assertThat(config.getMasterUrl()).isIn("https://127.0.0.1:16443", "https://127.0.0.1:16443/");
    assertThat(config.getAutoOAuthToken()).isEqualTo(tokens.adminToken());
    assertThat(
            new String(
                Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.US_ASCII))
        .isEqualTo(new String(certs.caCertificatePem(), StandardCharsets.US_ASCII));
    assertThat(config.getNamespace()).isEqualTo("default");
    assertThat(config.getCurrentContext().getName()).isEqualTo("tributary");
    assertThat(config.isTrustCerts()).isFalse();
  }

  @Test
  void namesTheClusterUserAndContextAsDocumented() throws Exception {
    String yaml =
        Kubeconfig.render(
            "https://127.0.0.1:6443", "CA".getBytes(StandardCharsets.US_ASCII), "secret");

    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    assertThat(config.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(config.path("kind").asText()).isEqualTo("Config");
    assertThat(config.path("current-context").asText()).isEqualTo("tributary");
    JsonNode cluster = config.path("clusters").path(0);
    assertThat(cluster.path("name").asText()).isEqualTo("tributary");
    assertThat(cluster.path("cluster").path("server").asText()).isEqualTo("https://127.0.0.1:6443");
    assertThat(cluster.path("cluster").path("certificate-authority-data").asText())
        .isEqualTo(Base64.getEncoder().encodeToString("CA".getBytes(StandardCharsets.US_ASCII)));
    JsonNode user = config.path("users").path(0);
    assertThat(user.path("name").asText()).isEqualTo("tributary-admin");
    assertThat(user.path("user").path("token").asText()).isEqualTo("secret");
    JsonNode context = config.path("contexts").path(0);
    assertThat(context.path("name").asText()).isEqualTo("tributary");
    assertThat(context.path("context").path("cluster").asText()).isEqualTo("tributary");
    assertThat(context.path("context").path("user").asText()).isEqualTo("tributary-admin");
    assertThat(context.path("context").path("namespace").asText()).isEqualTo("default");
    assertThat(yaml).doesNotStartWith("---");
  }

  @Test
  void rewritingReplacesTheFileOwnerOnlyAndLeavesNoTemporaryFiles() throws Exception {
    DataDir dir = DataDir.open(temp.resolve("data"));
    byte[] ca = "CA".getBytes(StandardCharsets.US_ASCII);
    Kubeconfig.write(dir.kubeconfig(), Kubeconfig.serverUrl(6443), ca, "t");

    Kubeconfig.write(dir.kubeconfig(), Kubeconfig.serverUrl(40000), ca, "t");

    assertThat(Files.readString(dir.kubeconfig()))
        .contains("https://127.0.0.1:40000")
        .doesNotContain(":6443");
    assertThat(OwnerOnlyFiles.isOwnerOnly(dir.kubeconfig())).isTrue();
    try (Stream<Path> files = Files.list(dir.root())) {
      assertThat(files).containsExactly(dir.kubeconfig());
    }
  }
}
