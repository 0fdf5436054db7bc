package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.DeliverySpec;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServerSourceValidationTest {
  private static final Destination SINK =
      Destination.ofRef(KReference.of("v1", "Service", null, "event-display"));
  private static final String NAME_DETAILS =
      "Attribute name must start with a letter and can only contain lowercase alphanumeric";

  private static ApiServerSourceSpec spec(
      List<ApiVersionKindSelector> resources,
      ApiVersionKind owner,
      String mode,
      List<SubscriptionsAPIFilter> filters) {
    return new ApiServerSourceSpec(
        SINK, null, resources, owner, mode, "events-sa", null, filters, null);
  }

  private static ApiServerSourceSpec valid() {
    return spec(List.of(ApiVersionKindSelector.of("v1", "Event")), null, "Resource", null);
  }

  private static String message(ApiServerSourceSpec spec) {
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(new ObjectMetaBuilder().withName("s").withNamespace("default").build());
    source.setSpec(spec);
    return ApiServerSourceValidation.validate(source).message();
  }

  @Test
  void acceptsTheWalkthroughSource() {
    assertThat(message(valid())).isEmpty();
  }

  @Test
  void acceptsEverythingUpstreamAccepts() {
    ApiServerSourceSpec full =
        new ApiServerSourceSpec(
            Destination.ofUri("http://sink.example.com/path"),
            new CloudEventOverrides(Map.of("hello", "world", "UPPER1", "x")),
            List.of(
                new ApiVersionKindSelector(
                    "apps/v1", "Deployment", new LabelSelector(null, Map.of("app", "foo"))),
                ApiVersionKindSelector.of("v1", "Pod")),
            new ApiVersionKind("apps/v1", "ReplicaSet"),
            "Reference",
            "sa",
            new LabelSelector(
                List.of(new LabelSelectorRequirement("env", "In", List.of("a", "b"))), null),
            List.of(SubscriptionsAPIFilter.ofPrefix(Map.of("type", "dev.knative.apiserver."))),
            new DeliverySpec(null, 3, "PT1S", "exponential", "PT0.2S", null, null));
    assertThat(message(full)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Test", "reference", "RESOURCE", "Ref"})
  void modeMustBeReferenceOrResourceCaseSensitive(String mode) {
    assertThat(message(valid().withMode(mode))).isEqualTo("invalid value: " + mode + ": spec.mode");
  }

  @Test
  void anEmptyModeIsInvalidBeforeDefaulting() {
    assertThat(message(valid().withMode(null))).isEqualTo("invalid value: : spec.mode");
    assertThat(message(valid().withMode(""))).isEqualTo("invalid value: : spec.mode");
  }

  @Test
  void atLeastOneResourceIsRequired() {
    assertThat(message(spec(List.of(), null, "Reference", null)))
        .isEqualTo("missing field(s): spec.resources");
    assertThat(message(spec(null, null, "Reference", null)))
        .isEqualTo("missing field(s): spec.resources");
  }

  @Test
  void resourceApiVersionMustParseAsGroupVersion() {
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1/v2/v3", "Foo")), null, "Resource", null)))
        .isEqualTo("invalid value: v1/v2/v3: spec.resources[0].apiVersion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "v1", "apps/v1", "sources.knative.dev/v1", "a/"})
  void apiVersionsUpstreamParsesAreAccepted(String apiVersion) {
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of(apiVersion, "Foo")), null, "Resource", null)))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u00a0", "\u3000"})
  void resourceKindMustNotBeBlank(String kind) {
    assertThat(
            message(spec(List.of(ApiVersionKindSelector.of("v1", kind)), null, "Resource", null)))
        .isEqualTo("missing field(s): spec.resources[0].kind");
  }

  @Test
  void ownerFollowsTheSameRules() {
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1", "Pod")),
                    new ApiVersionKind("v1/v2/v3", "ReplicaSet"),
                    "Resource",
                    null)))
        .isEqualTo("invalid value: v1/v2/v3: spec.owner.apiVersion");
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1", "Pod")),
                    new ApiVersionKind("apps/v1", " "),
                    "Resource",
                    null)))
        .isEqualTo("missing field(s): spec.owner.kind");
  }

  @Test
  void sinkIsRequired() {
    assertThat(message(valid().withSink(null)))
        .isEqualTo("expected at least one, got none: spec.sink.ref, spec.sink.uri");
  }

  @Test
  void sharedFieldsAreValidatedWithTheirPaths() {
    ApiServerSourceSpec s =
        new ApiServerSourceSpec(
            Destination.ofRef(KReference.of("v1", "Service", null, "")),
            new CloudEventOverrides(Map.of("bad-key", "v")),
            List.of(ApiVersionKindSelector.of("v1", "Event")),
            null,
            "Resource",
            null,
            null,
            null,
            new DeliverySpec(null, -1, null, null, null, null, null));
    assertThat(message(s))
        .isEqualTo(
            "invalid key name \"bad-key\": spec.ceOverrides.extensions\n"
                + "keys are expected to be alphanumeric\n"
                + "invalid value: -1: spec.delivery.retry\n"
                + "missing field(s): spec.sink.ref.name");
  }

  @Test
  void filtersAreValidatedWithoutAFeatureFlag() {
    // Upstream (flag off) would say "Filters is not empty but the NewAPIServerFilters feature is
    // disabled."; Tributary validates them as upstream does with the flag on.
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1", "Event")),
                    null,
                    "Resource",
                    List.of(SubscriptionsAPIFilter.ofPrefix(Map.of("invALID", "abc"))))))
        .isEqualTo(
            "invalid key name \"invALID\": spec.filters[0].prefix[invALID]\n" + NAME_DETAILS);
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1", "Event")),
                    null,
                    "Resource",
                    List.of(SubscriptionsAPIFilter.ofExact(Map.of("myattr", "myval"))))))
        .isEmpty();
  }

  @Test
  void filterErrorsCarryTheirRulesMessages() {
    SubscriptionsAPIFilter twoDialects =
        new SubscriptionsAPIFilter(
            null, null, null, Map.of("type", "a"), Map.of("source", "b"), null, null);
    assertThat(
            message(
                spec(
                    List.of(ApiVersionKindSelector.of("v1", "Event")),
                    null,
                    "Resource",
                    List.of(
                        twoDialects,
                        SubscriptionsAPIFilter.ofNot(
                            SubscriptionsAPIFilter.ofSuffix(Map.of("subject", ""))),
                        SubscriptionsAPIFilter.ofCesql("type = 'x'")))))
        .isEqualTo(
            "cesql filters are not supported: spec.filters[2].cesql\n"
                + "Tributary does not evaluate CloudEvents SQL expressions yet;"
                + " use exact, prefix, suffix, all, any or not\n"
                + "invalid arguments, attribute and suffix can't be empty:"
                + " spec.filters[2][1].not.suffix[subject]\n"
                + "multiple dialects found, filters can have only one dialect set: ");
  }

  @Test
  void collectsEveryErrorAtOnce() {
    ApiServerSourceSpec s =
        new ApiServerSourceSpec(
            null,
            null,
            List.of(
                ApiVersionKindSelector.of("a/b/c", ""),
                ApiVersionKindSelector.of("v1", "Pod"),
                ApiVersionKindSelector.of("v1", "")),
            new ApiVersionKind("x/y/z", ""),
            "Nope",
            null,
            null,
            null,
            null);
    assertThat(message(s))
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "invalid value: Nope: spec.mode\n"
                + "invalid value: a/b/c: spec.resources[0].apiVersion\n"
                + "invalid value: x/y/z: spec.owner.apiVersion\n"
                + "missing field(s): spec.owner.kind, spec.resources[0].kind,"
                + " spec.resources[2].kind");
  }

  @Test
  void aMissingSpecIsValidatedAsAnEmptyOne() {
    assertThat(message(null))
        .isEqualTo(
            "expected at least one, got none: spec.sink.ref, spec.sink.uri\n"
                + "invalid value: : spec.mode\n"
                + "missing field(s): spec.resources");
  }

  @Test
  void labelSelectorsAreNotValidatedAsUpstream() {
    ApiServerSourceSpec s =
        new ApiServerSourceSpec(
            SINK,
            null,
            List.of(
                new ApiVersionKindSelector(
                    "v1",
                    "Pod",
                    new LabelSelector(
                        List.of(new LabelSelectorRequirement("k", "Bogus", null)), null))),
            null,
            "Resource",
            null,
            new LabelSelector(null, Map.of("bad key", "v")),
            null,
            null);
    assertThat(message(s)).isEmpty();
  }
}
