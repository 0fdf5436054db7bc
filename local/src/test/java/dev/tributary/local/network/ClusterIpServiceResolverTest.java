package dev.tributary.local.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.local.apiserver.admission.webhook.ServiceResolver.UnresolvedServiceException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ClusterIpServiceResolverTest {

  @Test
  void knownServicesResolveToHttpsClusterIpAndPort() {
    ServiceNameTable names = new ServiceNameTable("cluster.local");
    ClusterIpServiceResolver resolver = new ClusterIpServiceResolver(names);
    names.put("knative-eventing", "eventing-webhook", "127.96.0.5");

    assertThat(resolver.resolve("knative-eventing", "eventing-webhook", 443))
        .isEqualTo(URI.create("https://127.96.0.5:443"));
  }

  @Test
  void unknownServicesFailAsUnreachable() {
    ClusterIpServiceResolver resolver =
        new ClusterIpServiceResolver(new ServiceNameTable("cluster.local"));

    assertThatThrownBy(() -> resolver.resolve("knative-eventing", "eventing-webhook", 443))
        .isInstanceOf(UnresolvedServiceException.class)
        .hasMessageContaining("eventing-webhook");
  }
}
