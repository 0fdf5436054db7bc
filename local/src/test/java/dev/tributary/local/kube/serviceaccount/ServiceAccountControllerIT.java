package dev.tributary.local.kube.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.apiserver.TestCluster;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ServiceAccount controller against the local API server. */
class ServiceAccountControllerIT {

  @TempDir Path temp;

  @Test
  void aDeletedDefaultServiceAccountComesBackAndOthersAreLeftAlone() throws Exception {
    try (TestCluster cluster = TestCluster.start(temp.resolve("data"))) {
      KubernetesClient client = cluster.client();
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("sa-it").endMetadata().build())
          .create();
      client
          .serviceAccounts()
          .inNamespace("sa-it")
          .resource(
              new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                  .withNewMetadata()
                  .withName("events-sa")
                  .endMetadata()
                  .build())
          .create();
      try (ServiceAccountController controller = new ServiceAccountController(client)) {
        controller.start().get(30, TimeUnit.SECONDS);
        ServiceAccount before = account(client, "sa-it", "default");
        assertThat(before).isNotNull();

        client.serviceAccounts().inNamespace("sa-it").withName("default").delete();
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> {
                  ServiceAccount now = account(client, "sa-it", "default");
                  return now != null
                      && !now.getMetadata().getUid().equals(before.getMetadata().getUid());
                });
        assertThat(account(client, "sa-it", "events-sa")).isNotNull();
        assertThat(account(client, "default", "default")).isNotNull();
      }
    }
  }

  private static ServiceAccount account(KubernetesClient client, String ns, String name) {
    return client.serviceAccounts().inNamespace(ns).withName(name).get();
  }
}
