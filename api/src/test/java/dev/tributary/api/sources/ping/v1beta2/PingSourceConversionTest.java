package dev.tributary.api.sources.ping.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.duck.TestClocks;
import dev.tributary.api.sources.ping.PingSourceLifecycle;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.api.sources.ping.PingSourceStatus;
import dev.tributary.api.sources.ping.PingTestJson;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PingSourceConversionTest {

  private static final PingSourceSpec FULL =
      PingSourceSpec.of(
              new Destination(KReference.of("Baf", "Foo", "Bar", "Baz"), "/path", null, null),
              "1 2 3 4 5")
          .withCeOverrides(new CloudEventOverrides(Map.of("foo", "bar", "baz", "baf")))
          .withTimezone("Knative/Land")
          .withContentType("application/json")
          .withData("{\"foo\":\"bar\"}");

  private static PingSourceStatus readyStatus() {
    PingSourceStatus status = new PingSourceStatus();
    PingSourceLifecycle lifecycle = new PingSourceLifecycle(status, TestClocks.epoch());
    lifecycle.initialize();
    lifecycle.markSink("http://example.com/path", null, null);
    lifecycle.markCeAttributes("ping-ns", "ping-name");
    status.setObservedGeneration(1L);
    return status;
  }

  private static <T extends CustomResource<PingSourceSpec, PingSourceStatus>> T fill(
      T resource, PingSourceSpec spec, PingSourceStatus status) {
    resource.getMetadata().setNamespace("ping-ns");
    resource.getMetadata().setName("ping-name");
    resource.getMetadata().setGeneration(17L);
    resource.getMetadata().setAnnotations(Map.of("a", "b"));
    resource.setSpec(spec);
    resource.setStatus(status);
    return resource;
  }

  @Test
  void versionsAreUpstreams() {
    PingSource v1beta2 = new PingSource();
    assertThat(v1beta2.getApiVersion()).isEqualTo("sources.knative.dev/v1beta2");
    assertThat(v1beta2.isDeprecated()).isTrue();
    assertThat(v1beta2.isStorage()).isFalse();
    assertThat(v1beta2.getDeprecationWarning())
        .isEqualTo(
            "sources.knative.dev/v1beta2 PingSource is deprecated; see"
                + " https://knative.dev/docs/eventing/sources/ping-source/ for instructions to"
                + " migrate to sources.knative.dev/v1 PingSource");
    assertThat(v1beta2.getCRDName()).isEqualTo("pingsources.sources.knative.dev");
  }

  @Test
  void upAndDownIsTheIdentity() {
    for (PingSourceSpec spec :
        new PingSourceSpec[] {
          null, PingSourceSpec.EMPTY, FULL, FULL.withData("").withDataBase64("YQ==")
        }) {
      PingSource in = fill(new PingSource(), spec, spec == null ? null : readyStatus());
      dev.tributary.api.sources.ping.PingSource v1 = PingSourceConversion.toV1(in);
      assertThat(v1.getApiVersion()).isEqualTo("sources.knative.dev/v1");
      assertThat(v1.getSpec()).isEqualTo(spec);
      PingSource back = PingSourceConversion.fromV1(v1);
      assertThat(PingTestJson.tree(back)).isEqualTo(PingTestJson.tree(in));
    }
  }

  @Test
  void downAndUpIsTheIdentity() {
    dev.tributary.api.sources.ping.PingSource in =
        fill(new dev.tributary.api.sources.ping.PingSource(), FULL, readyStatus());
    PingSource v1beta2 = PingSourceConversion.fromV1(in);
    assertThat(v1beta2.getApiVersion()).isEqualTo("sources.knative.dev/v1beta2");
    assertThat(PingTestJson.tree(PingSourceConversion.toV1(v1beta2)))
        .isEqualTo(PingTestJson.tree(in));
  }

  @Test
  void theConvertedObjectSharesNothingMutable() {
    PingSource in = fill(new PingSource(), FULL, readyStatus());
    dev.tributary.api.sources.ping.PingSource v1 = PingSourceConversion.toV1(in);
    v1.getMetadata().getLabels().put("x", "y");
    v1.getStatus().setSinkUri("http://changed");
    v1.getStatus().getConditions().clear();
    assertThat(in.getMetadata().getLabels()).isEmpty();
    assertThat(in.getStatus().getSinkUri()).isEqualTo("http://example.com/path");
    assertThat(in.getStatus().getConditions()).hasSize(4);
  }
}
