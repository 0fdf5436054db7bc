package dev.tributary.api.sources.ping.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.duck.TestClocks;
import dev.tributary.api.sources.ping.PingSourceLifecycle;
import dev.tributary.api.sources.ping.PingSourceStatus;
import dev.tributary.api.sources.ping.PingTestJson;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PingSourceConversionTest {

  private static final Destination SINK =
      new Destination(KReference.of("Baf", "Foo", "Bar", "Baz"), "/path", null, null);
  private static final CloudEventOverrides OVERRIDES =
      new CloudEventOverrides(Map.of("foo", "bar", "baz", "baf"));
  private static final DeliverySpec DELIVERY =
      new DeliverySpec(null, 3, "PT1S", "linear", "PT0.1S", null, null);
  private static final dev.tributary.api.sources.ping.PingSourceSpec V1_FULL =
      dev.tributary.api.sources.ping.PingSourceSpec.of(SINK, "1 2 3 4 5")
          .withCeOverrides(OVERRIDES)
          .withTimezone("Knative/Land")
          .withDelivery(DELIVERY);

  private static PingSourceStatus readyStatus() {
    PingSourceStatus status = new PingSourceStatus();
    PingSourceLifecycle lifecycle = new PingSourceLifecycle(status, TestClocks.epoch());
    lifecycle.initialize();
    lifecycle.markSink("http://example.com/path", null, null);
    lifecycle.markCeAttributes("ping-ns", "ping-name");
    status.setObservedGeneration(1L);
    return status;
  }

  private static PingSource v1beta1(PingSourceSpec spec) {
    PingSource source = PingSource.of("ping-ns", "ping-name", spec);
    source.getMetadata().setGeneration(17L);
    source.setStatus(spec == null ? null : readyStatus());
    return source;
  }

  private static dev.tributary.api.sources.ping.PingSource v1(
      dev.tributary.api.sources.ping.PingSourceSpec spec) {
    dev.tributary.api.sources.ping.PingSource source =
        dev.tributary.api.sources.ping.PingSource.of("ping-ns", "ping-name", spec);
    source.getMetadata().setGeneration(17L);
    source.getMetadata().setAnnotations(new HashMap<>(Map.of("kept", "yes")));
    source.setStatus(readyStatus());
    return source;
  }

  /** The JSON of {@code resource} without the two conversion annotations, as upstream compares. */
  private static JsonNode withoutConversionAnnotations(Object resource) {
    JsonNode tree = PingTestJson.tree(resource).deepCopy();
    ObjectNode metadata = (ObjectNode) tree.get("metadata");
    if (metadata.get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(PingSourceConversion.V1BETA1_SPEC_ANNOTATION);
      annotations.remove(PingSourceConversion.V1_SPEC_ANNOTATION);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    return tree;
  }

  static Stream<PingSourceSpec> v1beta1Specs() {
    return Stream.of(
        PingSourceSpec.EMPTY,
        PingSourceSpec.of(SINK, null, null),
        PingSourceSpec.of(SINK, "* * * * *", "{\"msg\":\"hey\"}"),
        // Re-marshalled on the way up (keys sorted, spaces dropped), restored on the way down.
        PingSourceSpec.of(SINK, "*/1 * * * *", "{\"message\": \"hello, world!\", \"a\": 1}"),
        // Not an object: wrapped on the way up, restored on the way down.
        PingSourceSpec.of(SINK, "* * * * *", "hello"),
        PingSourceSpec.of(SINK, "@every 1m", "[1, 2]")
            .withCeOverrides(OVERRIDES)
            .withTimezone("Europe/Paris")
            .withDelivery(DELIVERY));
  }

  static Stream<dev.tributary.api.sources.ping.PingSourceSpec> v1Specs() {
    return Stream.of(
        dev.tributary.api.sources.ping.PingSourceSpec.EMPTY,
        V1_FULL,
        V1_FULL.withContentType("application/json").withData("{\"foo\": \"bar\"}"),
        V1_FULL.withContentType("text/plain").withData("hello"),
        V1_FULL.withContentType("text/plain").withDataBase64("aGVsbG8="),
        V1_FULL.withContentType("application/json").withDataBase64(" e30="));
  }

  @Test
  void theWalkthroughManifestConvertsUp() {
    PingSource source =
        v1beta1(
            PingSourceSpec.of(
                Destination.ofRef(KReference.of("v1", "Service", null, "event-display")),
                "*/1 * * * *",
                "{\"message\": \"hello, world!\"}"));
    dev.tributary.api.sources.ping.PingSource v1 = PingSourceConversion.toV1(source);

    assertThat(v1.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    assertThat(v1.getSpec().contentType()).isEqualTo("application/json");
    assertThat(v1.getSpec().data()).isEqualTo("{\"message\":\"hello, world!\"}");
    assertThat(v1.getSpec().dataBase64()).isEmpty();
    assertThat(v1.getSpec().schedule()).isEqualTo("*/1 * * * *");
    assertThat(v1.getSpec().sink()).isEqualTo(source.getSpec().sink());
    assertThat(v1.getMetadata().getAnnotations())
        .containsOnlyKeys(PingSourceConversion.V1BETA1_SPEC_ANNOTATION);
  }

  static Stream<Arguments> jsonDataThatIsNotAnObject() {
    return Stream.of(
        Arguments.of("hello", "{\"body\":\"hello\"}"),
        Arguments.of("say \"<hi>\"", "{\"body\":\"say \\\"\\u003chi\\u003e\\\"\"}"),
        Arguments.of("[1]", "{\"body\":\"[1]\"}"),
        Arguments.of("\"x\"", "{\"body\":\"\\\"x\\\"\"}"),
        Arguments.of("  ", "{\"body\":\"  \"}"));
  }

  @ParameterizedTest
  @MethodSource("jsonDataThatIsNotAnObject")
  void jsonDataThatIsNotAnObjectIsWrappedInABody(String jsonData, String data) {
    assertThat(PingSourceConversion.toV1Spec(PingSourceSpec.of(SINK, "* * * * *", jsonData)).data())
        .isEqualTo(data);
  }

  @Test
  void emptyJsonDataMeansNoData() {
    dev.tributary.api.sources.ping.PingSourceSpec v1 =
        PingSourceConversion.toV1Spec(PingSourceSpec.of(SINK, "* * * * *", ""));
    assertThat(v1.contentType()).isEmpty();
    assertThat(v1.data()).isEmpty();
    assertThat(v1.sink()).isEqualTo(SINK);
  }

  @Test
  void downIsDataOnlyForApplicationJson() {
    assertThat(
            PingSourceConversion.toV1beta1Spec(
                    V1_FULL.withContentType("application/json").withData("{\"a\": 1}"))
                .jsonData())
        .isEqualTo("{\"a\": 1}");
    assertThat(
            PingSourceConversion.toV1beta1Spec(V1_FULL.withContentType("text/plain").withData("x"))
                .jsonData())
        .isEmpty();
    assertThat(
            PingSourceConversion.toV1beta1Spec(
                    V1_FULL.withContentType("application/json").withDataBase64("e30="))
                .jsonData())
        .isEmpty();
    PingSourceSpec down = PingSourceConversion.toV1beta1Spec(V1_FULL);
    assertThat(down)
        .isEqualTo(new PingSourceSpec(SINK, OVERRIDES, "1 2 3 4 5", "Knative/Land", "", DELIVERY));
  }

  @ParameterizedTest
  @MethodSource("v1beta1Specs")
  void v1beta1ToV1AndBackLosesNothing(PingSourceSpec spec) {
    PingSource in = v1beta1(spec);
    PingSource back = PingSourceConversion.fromV1(PingSourceConversion.toV1(in));
    assertThat(back.getSpec()).isEqualTo(spec);
    assertThat(withoutConversionAnnotations(back)).isEqualTo(withoutConversionAnnotations(in));
    // Upstream leaves the v1 spec on the v1beta1 object, for the next trip up.
    assertThat(back.getMetadata().getAnnotations())
        .containsOnlyKeys(PingSourceConversion.V1_SPEC_ANNOTATION);
  }

  @ParameterizedTest
  @MethodSource("v1Specs")
  void v1ToV1beta1AndBackLosesNothing(dev.tributary.api.sources.ping.PingSourceSpec spec) {
    dev.tributary.api.sources.ping.PingSource in = v1(spec);
    PingSource down = PingSourceConversion.fromV1(in);
    assertThat(down.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(down.getSpec()).isEqualTo(PingSourceConversion.toV1beta1Spec(spec));
    dev.tributary.api.sources.ping.PingSource back = PingSourceConversion.toV1(down);
    assertThat(PingTestJson.tree(back)).isEqualTo(PingTestJson.tree(in));
  }

  @Test
  void withoutTheAnnotationsANonObjectJsonDataComesBackWrapped() {
    // What a client that drops annotations (or an object written before them) gets: the
    // v1beta1 -> v1 -> v1beta1 trip of a non-object jsonData is lossy, as upstream's mapping.
    dev.tributary.api.sources.ping.PingSource v1 =
        PingSourceConversion.toV1(v1beta1(PingSourceSpec.of(SINK, "* * * * *", "hello")));
    v1.getMetadata().setAnnotations(null);
    assertThat(PingSourceConversion.fromV1(v1).getSpec().jsonData())
        .isEqualTo("{\"body\":\"hello\"}");
  }

  @Test
  void withoutTheAnnotationsV1OnlyFieldsAreLost() {
    PingSource down =
        PingSourceConversion.fromV1(
            v1(V1_FULL.withContentType("text/plain").withDataBase64("YQ==")));
    down.getMetadata().setAnnotations(null);
    dev.tributary.api.sources.ping.PingSourceSpec up = PingSourceConversion.toV1(down).getSpec();
    assertThat(up.dataBase64()).isEmpty();
    assertThat(up.contentType()).isEmpty();
    assertThat(up.schedule()).isEqualTo("1 2 3 4 5");
  }

  @Test
  void aV1beta1EditReplacesTheRecordedV1Spec() {
    PingSource down =
        PingSourceConversion.fromV1(
            v1(V1_FULL.withContentType("text/plain").withDataBase64("YQ==")));
    down.setSpec(down.getSpec().withSchedule("*/5 * * * *"));
    dev.tributary.api.sources.ping.PingSource up = PingSourceConversion.toV1(down);
    assertThat(up.getSpec().schedule()).isEqualTo("*/5 * * * *");
    assertThat(up.getSpec().dataBase64()).isEmpty();
    assertThat(up.getMetadata().getAnnotations())
        .containsKey(PingSourceConversion.V1BETA1_SPEC_ANNOTATION)
        .doesNotContainKey(PingSourceConversion.V1_SPEC_ANNOTATION)
        .containsEntry("kept", "yes");
  }

  @Test
  void aStaleOrBrokenV1beta1AnnotationIsIgnored() {
    // The v1 spec was changed after the v1beta1 one was recorded: the recorded one no longer
    // applies.
    dev.tributary.api.sources.ping.PingSource v1 =
        PingSourceConversion.toV1(v1beta1(PingSourceSpec.of(SINK, "* * * * *", "hello")));
    v1.setSpec(v1.getSpec().withData("{\"body\":\"bye\"}"));
    assertThat(PingSourceConversion.fromV1(v1).getSpec().jsonData())
        .isEqualTo("{\"body\":\"bye\"}");

    dev.tributary.api.sources.ping.PingSource broken =
        v1(V1_FULL.withContentType("application/json").withData("{}"));
    broken
        .getMetadata()
        .getAnnotations()
        .put(PingSourceConversion.V1BETA1_SPEC_ANNOTATION, "$$ invalid json $$");
    PingSource down = PingSourceConversion.fromV1(broken);
    assertThat(down.getSpec().jsonData()).isEqualTo("{}");
    assertThat(down.getMetadata().getAnnotations())
        .doesNotContainKey(PingSourceConversion.V1BETA1_SPEC_ANNOTATION);
  }

  @Test
  void aBrokenV1AnnotationIsIgnored() {
    PingSource source = v1beta1(PingSourceSpec.of(SINK, "* * * * *", "{}"));
    source.getMetadata().setAnnotations(Map.of(PingSourceConversion.V1_SPEC_ANNOTATION, "$$"));
    dev.tributary.api.sources.ping.PingSource up = PingSourceConversion.toV1(source);
    assertThat(up.getSpec().data()).isEqualTo("{}");
    assertThat(up.getMetadata().getAnnotations())
        .containsOnlyKeys(PingSourceConversion.V1BETA1_SPEC_ANNOTATION);
  }

  @Test
  void neverMutatesItsInput() {
    dev.tributary.api.sources.ping.PingSource in = v1(V1_FULL);
    JsonNode before = PingTestJson.tree(in);
    PingSource down = PingSourceConversion.fromV1(in);
    down.getStatus().setSinkUri("http://changed");
    down.getMetadata().getAnnotations().put("x", "y");
    PingSourceConversion.toV1(down);
    assertThat(PingTestJson.tree(in)).isEqualTo(before);
  }

  @Test
  void aSourceWithoutSpecConverts() {
    PingSource empty = new PingSource();
    dev.tributary.api.sources.ping.PingSource v1 = PingSourceConversion.toV1(empty);
    assertThat(v1.getSpec()).isEqualTo(dev.tributary.api.sources.ping.PingSourceSpec.EMPTY);
    assertThat(
            PingSourceConversion.fromV1(new dev.tributary.api.sources.ping.PingSource()).getSpec())
        .isEqualTo(PingSourceSpec.EMPTY);
  }
}
