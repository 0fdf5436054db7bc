package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.ManifestJson;
import dev.tributary.api.sources.sinkbinding.v1beta1.SinkBindingConversion;
import org.junit.jupiter.api.Test;

class SinkBindingJsonTest {

  @Test
  void walkthroughManifestLandsInTheV1beta1Type() {
    var binding =
        ManifestJson.read(
            "sinkbinding-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class);

    assertThat(binding.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(binding.getKind()).isEqualTo("SinkBinding");
    assertThat(binding.getMetadata().getName()).isEqualTo("test-sink-binding");
    var subject = binding.getSpec().subject();
    assertThat(subject.apiVersion()).isEqualTo("batch/v1");
    assertThat(subject.kind()).isEqualTo("Job");
    assertThat(subject.name()).isNull();
    assertThat(subject.selector().getMatchLabels()).containsEntry("app", "heartbeat-cron");
    assertThat(binding.getSpec().sink().ref().name()).isEqualTo("event-display");
    assertThat(binding.getSpec().ceOverrides().extensions()).containsEntry("hello", "world");
  }

  @Test
  void walkthroughManifestSerializesBackUnchanged() {
    var binding =
        ManifestJson.read(
            "sinkbinding-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class);

    assertThat(ManifestJson.tree(binding))
        .isEqualTo(ManifestJson.tree("sinkbinding-walkthrough-v1beta1.yaml"));
  }

  @Test
  void walkthroughBindingDefaultsValidatesAndInjectsAsTheWalkthroughShows() {
    var v1beta1 =
        ManifestJson.read(
            "sinkbinding-walkthrough-v1beta1.yaml",
            dev.tributary.api.sources.sinkbinding.v1beta1.SinkBinding.class);
    v1beta1.getMetadata().setNamespace("default");

    SinkBinding v1 = SinkBindingDefaults.apply(SinkBindingConversion.toV1(v1beta1));

    assertThat(SinkBindingValidation.validate(v1).isEmpty()).isTrue();
    assertThat(v1.getSpec().subject().namespace()).isEqualTo("default");
    assertThat(v1.getSpec().sink().ref().namespace()).isEqualTo("default");
    assertThat(SinkBindingInjection.ceOverridesValue(v1.getSpec().ceOverrides()))
        .isEqualTo("{\"extensions\":{\"hello\":\"world\"}}");
  }

  @Test
  void v1ManifestWithStatusRoundTrips() {
    SinkBinding binding = ManifestJson.read("sinkbinding-v1-with-status.yaml", SinkBinding.class);

    assertThat(binding.getSpec().subject().selector().getMatchExpressions().get(0).getValues())
        .containsExactly("heartbeat");
    assertThat(binding.getSpec().sink().uri()).isEqualTo("https://example.com/events");
    assertThat(binding.getStatus().getOidcTokenSecretName()).isEqualTo("bind-heartbeat-oidc-token");
    assertThat(binding.getStatus().getConditions().get(0).reason())
        .isEqualTo("authentication-oidc feature disabled");
    assertThat(binding.getMetadata().getFinalizers()).containsExactly(SinkBinding.FINALIZER);

    assertThat(ManifestJson.tree(binding))
        .isEqualTo(ManifestJson.tree("sinkbinding-v1-with-status.yaml"));
    assertThat(ManifestJson.write(binding))
        .contains("\"oidcTokenSecretName\":\"bind-heartbeat-oidc-token\"")
        .contains("\"subject\":{\"apiVersion\":\"apps/v1\"");
  }

  @Test
  void emptySelectorIsKept() {
    SinkBinding binding = ManifestJson.read("sinkbinding-v1-with-status.yaml", SinkBinding.class);
    binding.getSpec().subject().selector().setMatchExpressions(null);

    assertThat(ManifestJson.tree(binding).path("spec").path("subject").has("selector")).isTrue();
  }
}
