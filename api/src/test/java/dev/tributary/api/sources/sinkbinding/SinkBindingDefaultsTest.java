package dev.tributary.api.sources.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class SinkBindingDefaultsTest {
  private static final Destination SINK_NO_NS =
      Destination.ofRef(KReference.of("v1", "Service", null, "event-display"));

  @Test
  void defaultsSubjectAndSinkNamespaces() {
    SinkBindingSpec spec =
        SinkBindingSpec.of(Reference.byName("apps/v1", "Deployment", "", "d"), SINK_NO_NS);

    SinkBindingSpec got = SinkBindingDefaults.apply(spec, "moore");

    assertThat(got.subject().namespace()).isEqualTo("moore");
    assertThat(got.sink().ref().namespace()).isEqualTo("moore");
    assertThat(spec.subject().namespace()).as("input untouched").isEmpty();
    assertThat(spec.sink().ref().namespace()).as("input untouched").isNull();
  }

  @Test
  void keepsExplicitNamespaces() {
    SinkBindingSpec spec =
        SinkBindingSpec.of(
            Reference.byName("apps/v1", "Deployment", "other", "d"),
            Destination.ofRef(KReference.of("v1", "Service", "sinks", "event-display")));

    assertThat(SinkBindingDefaults.apply(spec, "moore")).isEqualTo(spec);
  }

  @Test
  void uriSinkIsLeftAlone() {
    SinkBindingSpec spec =
        SinkBindingSpec.of(
            Reference.byName("apps/v1", "Deployment", null, "d"),
            Destination.ofUri("http://example.com"));

    assertThat(SinkBindingDefaults.apply(spec, "moore").sink()).isEqualTo(spec.sink());
  }

  @Test
  void missingSubjectGetsTheNamespaceOnly() {
    SinkBindingSpec got =
        SinkBindingDefaults.apply(new SinkBindingSpec(null, null, null, null), "moore");

    assertThat(got.subject()).isEqualTo(new Reference(null, null, "moore", null, null));
    assertThat(got.sink()).isNull();
  }

  @Test
  void idempotent() {
    SinkBindingSpec spec =
        SinkBindingSpec.of(Reference.byName("apps/v1", "Deployment", null, "d"), SINK_NO_NS);

    SinkBindingSpec once = SinkBindingDefaults.apply(spec, "moore");

    assertThat(SinkBindingDefaults.apply(once, "moore")).isEqualTo(once);
  }

  @Test
  void wholeResourceIsCopiedNotChanged() {
    SinkBinding b = new SinkBinding();
    b.setMetadata(new ObjectMetaBuilder().withName("sb").withNamespace("moore").build());
    b.setSpec(SinkBindingSpec.of(Reference.byName("apps/v1", "Deployment", null, "d"), SINK_NO_NS));
    b.setStatus(new SinkBindingStatus());
    b.getStatus().setSinkUri("http://x");

    SinkBinding got = SinkBindingDefaults.apply(b);

    assertThat(got.getSpec().subject().namespace()).isEqualTo("moore");
    assertThat(got.getMetadata()).isEqualTo(b.getMetadata()).isNotSameAs(b.getMetadata());
    assertThat(got.getStatus().getSinkUri()).isEqualTo("http://x");
    assertThat(got.getStatus()).isNotSameAs(b.getStatus());
    assertThat(b.getSpec().subject().namespace()).isNull();
  }
}
