package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.local.apiserver.auth.Authorizer;
import dev.tributary.local.apiserver.auth.RequestAttributes;
import dev.tributary.local.store.StoreOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authorizer seam: what it is asked, and the 403 Status a denial becomes. */
class AuthorizationIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<RequestAttributes> asked = new CopyOnWriteArrayList<>();

  @TempDir static Path temp;
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Authorizer secretsOff =
        attributes -> {
          asked.add(attributes);
          return attributes.resource().equals("secrets")
              ? Authorizer.Decision.deny("")
              : Authorizer.Decision.allow("");
        };
    cluster =
        TestCluster.start(
            temp.resolve("data"),
            StoreOptions.defaults(),
            config -> config.withExtensions(config.extensions().withAuthorizer(secretsOff)));
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void deniedRequestsAre403WithKubernetesWording() throws Exception {
    HttpResponse<String> list = cluster.get("/api/v1/namespaces/default/secrets");
    HttpResponse<String> get = cluster.get("/api/v1/namespaces/default/secrets/s1");
    HttpResponse<String> watch = cluster.get("/api/v1/secrets?watch=true");

    assertThat(list.statusCode()).isEqualTo(403);
    JsonNode status = JSON.readTree(list.body());
    assertThat(status.path("reason").asText()).isEqualTo("Forbidden");
    assertThat(status.path("message").asText())
        .isEqualTo(
            "secrets is forbidden: User \"kubernetes-admin\" cannot list resource \"secrets\" in"
                + " API group \"\" in the namespace \"default\"");
    assertThat(JSON.readTree(get.body()).path("message").asText())
        .startsWith("secrets \"s1\" is forbidden: User \"kubernetes-admin\" cannot get resource");
    assertThat(watch.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(watch.body()).path("message").asText())
        .endsWith("cannot watch resource \"secrets\" in API group \"\" at the cluster scope");
  }

  @Test
  void theAuthorizerSeesVerbResourceNamespaceAndUser() throws Exception {
    asked.clear();

    assertThat(cluster.get("/apis/apps/v1/namespaces/default/deployments/d1/status").statusCode())
        .isEqualTo(404);

    assertThat(asked).hasSize(1);
    RequestAttributes attributes = asked.get(0);
    assertThat(attributes.verb()).isEqualTo("get");
    assertThat(attributes.apiGroup()).isEqualTo("apps");
    assertThat(attributes.resource()).isEqualTo("deployments");
    assertThat(attributes.subresource()).isEqualTo("status");
    assertThat(attributes.namespace()).isEqualTo("default");
    assertThat(attributes.name()).isEqualTo("d1");
    assertThat(attributes.user().groups()).contains("system:masters");
  }
}
