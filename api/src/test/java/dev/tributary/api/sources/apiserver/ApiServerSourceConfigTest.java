package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerSourceConfigTest {
  private static final Destination SINK = Destination.ofUri("http://sink.example.com");

  private static ApiServerSourceSpec spec(
      List<ApiVersionKindSelector> resources,
      ApiVersionKind owner,
      String mode,
      List<SubscriptionsAPIFilter> filters) {
    return new ApiServerSourceSpec(SINK, null, resources, owner, mode, "sa", null, filters, null);
  }

  @Test
  void rendersTheWalkthroughSourceAsUpstream() {
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(List.of(ApiVersionKindSelector.of("v1", "Event")), null, "Resource", null),
            List.of("default"),
            false,
            false);
    assertThat(config.toJson())
        .isEqualTo(
            "{\"namespaces\":[\"default\"],\"allNamespaces\":false,"
                + "\"resources\":[{\"gvr\":{\"Group\":\"\",\"Version\":\"v1\",\"Resource\":\"events\"}}],"
                + "\"mode\":\"Resource\"}");
  }

  @Test
  void rendersEveryFieldInUpstreamsOrderAndForm() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", "foo");
    LabelSelector selector =
        new LabelSelector(
            List.of(
                new LabelSelectorRequirement("tier", "In", List.of("b", "a")),
                new LabelSelectorRequirement("env", "Exists", null)),
            labels);
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(
                List.of(
                    new ApiVersionKindSelector("apps/v1", "Deployment", selector),
                    ApiVersionKindSelector.of("v1", "Event")),
                new ApiVersionKind("apps/v1", "ReplicaSet"),
                "Reference",
                List.of(SubscriptionsAPIFilter.ofExact(Map.of("type", "x")))),
            List.of("ns1", "ns2"),
            false,
            true);
    assertThat(config.toJson())
        .isEqualTo(
            "{\"namespaces\":[\"ns1\",\"ns2\"],\"allNamespaces\":false,\"resources\":["
                + "{\"gvr\":{\"Group\":\"apps\",\"Version\":\"v1\",\"Resource\":\"deployments\"},"
                + "\"selector\":\"app=foo,env,tier in (a,b)\"},"
                + "{\"gvr\":{\"Group\":\"\",\"Version\":\"v1\",\"Resource\":\"events\"}}],"
                + "\"owner\":{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\"},"
                + "\"mode\":\"Reference\",\"filters\":[{\"exact\":{\"type\":\"x\"}}],"
                + "\"failFast\":true}");
  }

  @Test
  void filterMapKeysAreSortedAsGoWritesThem() {
    java.util.LinkedHashMap<String, String> unsorted = new java.util.LinkedHashMap<>();
    unsorted.put("type", "x");
    unsorted.put("source", "y");
    unsorted.put("id", "z");
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(
                List.of(ApiVersionKindSelector.of("v1", "Event")),
                null,
                "Reference",
                List.of(SubscriptionsAPIFilter.ofExact(unsorted))),
            List.of("ns1"),
            false,
            false);
    assertThat(config.toJson())
        .contains("\"filters\":[{\"exact\":{\"id\":\"z\",\"source\":\"y\",\"type\":\"x\"}}]");
  }

  @Test
  void allNamespacesWithAnEmptyNamespaceListAndAnEmptySelector() {
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(
                List.of(new ApiVersionKindSelector("v1", "Pod", new LabelSelector())),
                null,
                "Reference",
                List.of()),
            List.of(),
            true,
            false);
    assertThat(config.toJson())
        .isEqualTo(
            "{\"namespaces\":[],\"allNamespaces\":true,"
                + "\"resources\":[{\"gvr\":{\"Group\":\"\",\"Version\":\"v1\",\"Resource\":\"pods\"}}],"
                + "\"mode\":\"Reference\"}");
  }

  @Test
  void ownerWithEmptyFieldsIsWrittenWholeAndEmptyKindGivesAnEmptyGvr() {
    ApiServerSourceConfig config =
        new ApiServerSourceConfig(
            null,
            false,
            List.of(
                new ApiServerSourceConfig.ResourceWatch(
                    GroupVersionResource.guess(GroupVersion.parse("apps/v1"), ""), null)),
            new ApiVersionKind(null, "ReplicaSet"),
            null,
            null,
            false);
    assertThat(config.toJson())
        .isEqualTo(
            "{\"namespaces\":[],\"allNamespaces\":false,"
                + "\"resources\":[{\"gvr\":{\"Group\":\"\",\"Version\":\"\",\"Resource\":\"\"}}],"
                + "\"owner\":{\"apiVersion\":\"\",\"kind\":\"ReplicaSet\"}}");
  }

  @Test
  void escapesStringsAsGoDoes() {
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(
                List.of(ApiVersionKindSelector.of("v1", "Event")),
                null,
                "Resource",
                List.of(
                    SubscriptionsAPIFilter.ofExact(
                        Map.of("subject", "a<b>&c\u2028\u2029\n\t\"\\\u0001\u001f\u007fé")))),
            List.of("default"),
            false,
            false);
    assertThat(config.toJson())
        .contains(
            "{\"subject\":\"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\n\\t\\\"\\\\\\u0001\\u001f\u007fé\"}");
  }

  @Test
  void readsBackWhatItWrites() {
    ApiServerSourceConfig config =
        ApiServerSourceConfig.of(
            spec(
                List.of(
                    new ApiVersionKindSelector(
                        "apps/v1", "Deployment", new LabelSelector(null, Map.of("a", "b")))),
                new ApiVersionKind("apps/v1", "ReplicaSet"),
                "Reference",
                List.of(
                    SubscriptionsAPIFilter.ofNot(
                        SubscriptionsAPIFilter.ofPrefix(Map.of("type", "a<b"))))),
            List.of("ns1"),
            true,
            true);
    assertThat(ApiServerSourceConfig.fromJson(config.toJson())).isEqualTo(config);
  }

  @Test
  void readsUpstreamsJsonIgnoringUnknownFields() {
    ApiServerSourceConfig config =
        ApiServerSourceConfig.fromJson(
            "{\"namespaces\":[\"ns1\"],\"allNamespaces\":false,"
                + "\"resources\":[{\"gvr\":{\"Group\":\"apps\",\"Version\":\"v1\","
                + "\"Resource\":\"deployments\"},\"selector\":\"app=foo\"}],"
                + "\"owner\":{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\"},"
                + "\"mode\":\"Reference\",\"somethingNew\":1}");
    assertThat(config.namespaces()).containsExactly("ns1");
    assertThat(config.allNamespaces()).isFalse();
    assertThat(config.resources())
        .containsExactly(
            new ApiServerSourceConfig.ResourceWatch(
                new GroupVersionResource("apps", "v1", "deployments"), "app=foo"));
    assertThat(config.owner()).isEqualTo(new ApiVersionKind("apps/v1", "ReplicaSet"));
    assertThat(config.mode()).isEqualTo("Reference");
    assertThat(config.filters()).isEmpty();
    assertThat(config.failFast()).isFalse();
  }

  @Test
  void rejectsWhatIsNotAConfig() {
    assertThatThrownBy(() -> ApiServerSourceConfig.fromJson("{\"namespaces\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid K_SOURCE_CONFIG: ");
  }

  @Test
  void refusesAnApiVersionThatDoesNotParse() {
    assertThatThrownBy(
            () ->
                ApiServerSourceConfig.of(
                    spec(List.of(ApiVersionKindSelector.of("a/b/c", "X")), null, "Reference", null),
                    List.of("ns"),
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failed to parse APIVersion: unexpected GroupVersion string: a/b/c");
  }

  @Test
  void refusesASelectorKubernetesWouldRefuse() {
    LabelSelector bad =
        new LabelSelector(List.of(new LabelSelectorRequirement("k", "Gt", List.of("1"))), null);
    assertThatThrownBy(
            () ->
                ApiServerSourceConfig.of(
                    spec(
                        List.of(new ApiVersionKindSelector("v1", "Pod", bad)),
                        null,
                        "Reference",
                        null),
                    List.of("ns"),
                    false,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"Gt\" is not a valid label selector operator");
  }
}
