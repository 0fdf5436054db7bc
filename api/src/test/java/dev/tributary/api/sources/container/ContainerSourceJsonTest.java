package dev.tributary.api.sources.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.sources.ManifestJson;
import dev.tributary.api.sources.container.v1beta1.ContainerSourceConversion;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

class ContainerSourceJsonTest {

  @Test
  void walkthroughManifestLandsInTheV1beta1Type() {
    var source =
        ManifestJson.read(
            "containersource-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.container.v1beta1.ContainerSource.class);

    assertThat(source.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(source.getKind()).isEqualTo("ContainerSource");
    assertThat(source.getMetadata().getName()).isEqualTo("test-container-source");
    Container c = source.getSpec().template().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("docker.io/coldtea214/heartbeats:1.0");
    assertThat(c.getName()).isEqualTo("heartbeats");
    assertThat(c.getArgs()).containsExactly("--period=1");
    assertThat(c.getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .containsExactly(tuple("POD_NAME", "mypod"), tuple("POD_NAMESPACE", "event-test"));
    assertThat(source.getSpec().sink().ref().kind()).isEqualTo("Service");
    assertThat(source.getSpec().sink().ref().name()).isEqualTo("event-display");
    assertThat(source.getSpec().sink().ref().apiVersion()).isEqualTo("v1");
    assertThat(source.getStatus()).isNull();
  }

  @Test
  void walkthroughManifestSerializesBackUnchanged() {
    var source =
        ManifestJson.read(
            "containersource-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.container.v1beta1.ContainerSource.class);

    assertThat(ManifestJson.tree(source))
        .isEqualTo(ManifestJson.tree("containersource-walkthrough-v1beta1.yaml"));
  }

  @Test
  void walkthroughManifestConvertsToAValidV1Source() {
    var v1beta1 =
        ManifestJson.read(
            "containersource-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.container.v1beta1.ContainerSource.class);
    v1beta1.getMetadata().setNamespace("default");

    ContainerSource v1 = ContainerSourceConversion.toV1(v1beta1);

    assertThat(v1.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    assertThat(ContainerSourceValidation.validate(ContainerSourceDefaults.apply(v1)).isEmpty())
        .isTrue();
    assertThat(ManifestJson.tree(v1).path("spec"))
        .isEqualTo(ManifestJson.tree("containersource-walkthrough-v1beta1.yaml").path("spec"));
  }

  @Test
  void v1ManifestWithStatusRoundTrips() {
    ContainerSource source =
        ManifestJson.read("containersource-v1-with-status.yaml", ContainerSource.class);

    assertThat(source.getSpec().sink().caCerts()).isEqualTo("PEM");
    assertThat(source.getSpec().sink().audience()).isEqualTo("event-display");
    assertThat(source.getSpec().ceOverrides().extensions()).containsEntry("hello", "world");
    assertThat(source.getSpec().delivery().retry()).isEqualTo(3);
    assertThat(source.getSpec().template().getMetadata().getLabels())
        .containsEntry("app", "heartbeats");
    assertThat(source.getStatus().getSinkUri())
        .isEqualTo("http://event-display.default.svc.cluster.local");
    assertThat(source.getStatus().getSinkCACerts()).isEqualTo("PEM");
    assertThat(source.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(source.getStatus().getConditions())
        .extracting(Condition::type)
        .containsExactly("ReceiveAdapterReady", "Ready", "SinkBindingReady");
    assertThat(new ContainerSourceLifecycle(source.getStatus()).isReady()).isTrue();

    assertThat(ManifestJson.tree(source))
        .isEqualTo(ManifestJson.tree("containersource-v1-with-status.yaml"));
  }

  @Test
  void upstreamJsonNames() {
    ContainerSource source =
        ManifestJson.read("containersource-v1-with-status.yaml", ContainerSource.class);

    String json = ManifestJson.write(source);

    assertThat(json)
        .contains("\"CACerts\":\"PEM\"")
        .contains("\"ceOverrides\":{\"extensions\":{\"hello\":\"world\"}}")
        .contains("\"sinkUri\":")
        .contains("\"sinkCACerts\":")
        .contains("\"sinkAudience\":")
        .contains("\"observedGeneration\":2")
        .contains("\"template\":{");
  }
}
