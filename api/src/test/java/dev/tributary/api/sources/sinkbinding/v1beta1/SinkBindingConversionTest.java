package dev.tributary.api.sources.sinkbinding.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventAttributes;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.duck.SourceStatus;
import dev.tributary.api.sources.ManifestJson;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkBindingConversionTest {
  private static final Destination SINK =
      Destination.ofRef(KReference.of("v1", "Service", "default", "event-display"));
  private static final CloudEventOverrides OVERRIDES =
      new CloudEventOverrides(Map.of("hello", "world"));

  private static Reference jobs() {
    return Reference.bySelector(
        "batch/v1",
        "Job",
        "default",
        new LabelSelectorBuilder()
            .withMatchLabels(Map.of("app", "heartbeat-cron"))
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("a")
            .endMatchExpression()
            .build());
  }

  private static <T extends SourceStatus> T fill(T status) {
    status.setObservedGeneration(2L);
    status.setConditions(
        List.of(
            new Condition("SinkProvided", "True", "", "2024-01-02T03:04:05Z", null, null),
            new Condition("Ready", "Unknown", "", "2024-01-02T03:04:05Z", "R", "m")));
    status.setAnnotations(Map.of("a", "b"));
    status.setSinkUri("http://event-display.default.svc.cluster.local");
    status.setSinkCACerts("PEM");
    status.setSinkAudience("aud");
    status.setCeAttributes(List.of(new CloudEventAttributes("t", "s")));
    return status;
  }

  private static dev.tributary.api.sources.sinkbinding.SinkBinding v1() {
    var b = new dev.tributary.api.sources.sinkbinding.SinkBinding();
    b.setMetadata(
        new ObjectMetaBuilder()
            .withName("test-sink-binding")
            .withNamespace("default")
            .addToFinalizers("sinkbindings.sources.knative.dev")
            .build());
    b.setSpec(
        new dev.tributary.api.sources.sinkbinding.SinkBindingSpec(SINK, OVERRIDES, jobs(), null));
    b.setStatus(fill(new SinkBindingStatus()));
    return b;
  }

  private static SinkBinding v1beta1() {
    SinkBinding b = new SinkBinding();
    b.setMetadata(new ObjectMetaBuilder().withName("test-sink-binding").build());
    b.setSpec(
        new SinkBindingSpec(
            SINK, OVERRIDES, Reference.byName("apps/v1", "Deployment", "default", "d")));
    b.setStatus(fill(new SourceStatus()));
    return b;
  }

  @Test
  void v1ToV1beta1AndBack() {
    var original = v1();

    var back = SinkBindingConversion.toV1(SinkBindingConversion.fromV1(original));

    assertThat(ManifestJson.tree(back)).isEqualTo(ManifestJson.tree(original));
    assertThat(back.getApiVersion()).isEqualTo("sources.knative.dev/v1");
  }

  @Test
  void v1beta1ToV1AndBack() {
    SinkBinding original = v1beta1();

    SinkBinding back = SinkBindingConversion.fromV1(SinkBindingConversion.toV1(original));

    assertThat(ManifestJson.tree(back)).isEqualTo(ManifestJson.tree(original));
    assertThat(back.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
  }

  @Test
  void fieldsLandWhereExpected() {
    var v1 = SinkBindingConversion.toV1(v1beta1());

    assertThat(v1.getSpec().subject())
        .isEqualTo(Reference.byName("apps/v1", "Deployment", "default", "d"));
    assertThat(v1.getSpec().sink()).isEqualTo(SINK);
    assertThat(v1.getSpec().ceOverrides()).isEqualTo(OVERRIDES);
    assertThat(v1.getStatus().getSinkAudience()).isEqualTo("aud");
    assertThat(v1.getStatus().getOidcTokenSecretName()).isNull();
  }

  @Test
  void whatV1beta1CannotHoldIsDropped() {
    var source = v1();
    source.setSpec(
        new dev.tributary.api.sources.sinkbinding.SinkBindingSpec(
            SINK, OVERRIDES, jobs(), new DeliverySpec(null, 3, null, null, null, null, null)));
    source.getStatus().setOidcTokenSecretName("test-sink-binding-oidc-token");

    SinkBinding old = SinkBindingConversion.fromV1(source);

    assertThat(ManifestJson.tree(old).path("spec").has("delivery")).isFalse();
    assertThat(ManifestJson.tree(old).path("status").has("oidcTokenSecretName")).isFalse();
    assertThat(old.getSpec().subject()).isEqualTo(jobs());
  }

  @Test
  void resultSharesNothingMutable() {
    var original = v1();

    SinkBinding converted = SinkBindingConversion.fromV1(original);
    converted.getMetadata().getFinalizers().clear();
    converted.getSpec().subject().selector().getMatchLabels().put("app", "changed");
    converted.getStatus().getConditions().clear();

    assertThat(original.getMetadata().getFinalizers()).hasSize(1);
    assertThat(original.getSpec().subject()).isEqualTo(jobs());
    assertThat(original.getStatus().getConditions()).hasSize(2);
  }
}
