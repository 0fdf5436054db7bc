package dev.tributary.api.sources.apiserver.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import dev.tributary.api.sources.apiserver.ApiServerSourceDefaults;
import dev.tributary.api.sources.apiserver.ApiServerSourceValidation;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerSourceConversionTest {
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper json = new ObjectMapper();

  /** The walkthrough's source, verbatim. */
  private static final String WALKTHROUGH =
      """
      apiVersion: sources.knative.dev/v1beta1
      kind: ApiServerSource
      metadata:
        name: test-apiserver-source
      spec:
        serviceAccountName: events-sa
        mode: Resource
        resources:
        - apiVersion: v1
          kind: Event
        sink:
          ref:
            apiVersion: v1
            kind: Service
            name: event-display
      """;

  /** Every field v1beta1 can express, with a status. */
  private static final String FULL_V1BETA1 =
      """
      apiVersion: sources.knative.dev/v1beta1
      kind: ApiServerSource
      metadata:
        name: full
        namespace: team
        uid: 8a1c5c3e-0000-4000-8000-000000000001
        resourceVersion: "42"
        generation: 2
        labels:
          app: demo
        annotations:
          note: kept
        finalizers:
        - apiserversources.sources.knative.dev
      spec:
        sink:
          ref:
            apiVersion: v1
            kind: Service
            name: event-display
            namespace: team
          uri: /path
          CACerts: PEM
        ceOverrides:
          extensions:
            hello: world
        resources:
        - apiVersion: apps/v1
          kind: Deployment
          selector:
            matchLabels:
              app: foo
            matchExpressions:
            - key: tier
              operator: NotIn
              values: [x]
        owner:
          apiVersion: apps/v1
          kind: ReplicaSet
        mode: Reference
        serviceAccountName: sa
        delivery:
          retry: 2
      status:
        observedGeneration: 2
        conditions:
        - type: Ready
          status: "True"
          lastTransitionTime: "2024-05-01T10:00:00Z"
        sinkUri: http://event-display.team.svc.cluster.local/path
        ceAttributes:
        - type: dev.knative.apiserver.ref.add
          source: https://10.96.0.1:443
      """;

  /** A v1 source using the fields v1beta1 lacks. */
  private static final String V1_WITH_NEW_FIELDS =
      """
      apiVersion: sources.knative.dev/v1
      kind: ApiServerSource
      metadata:
        name: new
        namespace: team
      spec:
        sink:
          uri: http://example.com
        resources:
        - apiVersion: v1
          kind: Pod
        mode: Resource
        serviceAccountName: sa
        namespaceSelector:
          matchExpressions:
          - key: env
            operator: In
            values: [dev, test]
        filters:
        - exact:
            type: dev.knative.apiserver.resource.add
        - not:
            prefix:
              subject: /apis/v1/namespaces/kube-system
      status:
        namespaces: [dev-1, test-1]
      """;

  private JsonNode tree(Object value) throws Exception {
    return json.readTree(json.writeValueAsString(value));
  }

  @Test
  void walkthroughSourceConvertsToAValidV1Source() throws Exception {
    ApiServerSource old = yaml.readValue(WALKTHROUGH, ApiServerSource.class);
    dev.tributary.api.sources.apiserver.ApiServerSource v1 = ApiServerSourceConversion.toV1(old);
    assertThat(v1.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    assertThat(v1.getKind()).isEqualTo("ApiServerSource");
    assertThat(v1.getMetadata().getName()).isEqualTo("test-apiserver-source");
    assertThat(v1.getMetadata().getAnnotations()).isNull();
    assertThat(v1.getSpec().mode()).isEqualTo("Resource");
    assertThat(v1.getSpec().serviceAccountName()).isEqualTo("events-sa");
    assertThat(v1.getSpec().resources()).containsExactly(ApiVersionKindSelector.of("v1", "Event"));
    assertThat(v1.getSpec().sink().ref())
        .isEqualTo(KReference.of("v1", "Service", null, "event-display"));
    assertThat(v1.getSpec().namespaceSelector()).isNull();
    assertThat(v1.getSpec().filters()).isEmpty();
    v1.setSpec(ApiServerSourceDefaults.apply(v1.getSpec(), "default"));
    assertThat(ApiServerSourceValidation.validate(v1).message()).isEmpty();

    assertThat(tree(ApiServerSourceConversion.fromV1(ApiServerSourceConversion.toV1(old))))
        .isEqualTo(yaml.readTree(WALKTHROUGH));
  }

  @Test
  void oldToV1ToOldKeepsEveryField() throws Exception {
    ApiServerSource old = yaml.readValue(FULL_V1BETA1, ApiServerSource.class);
    dev.tributary.api.sources.apiserver.ApiServerSource v1 = ApiServerSourceConversion.toV1(old);
    assertThat(v1.getSpec().sink().caCerts()).isEqualTo("PEM");
    assertThat(v1.getSpec().owner().kind()).isEqualTo("ReplicaSet");
    assertThat(v1.getSpec().delivery().retry()).isEqualTo(2);
    assertThat(v1.getSpec().resources().getFirst().selector().getMatchLabels())
        .isEqualTo(Map.of("app", "foo"));
    assertThat(v1.getStatus().getSinkUri()).endsWith("/path");
    assertThat(v1.getStatus().getNamespaces()).isNull();
    assertThat(v1.getMetadata().getFinalizers())
        .containsExactly("apiserversources.sources.knative.dev");

    JsonNode back = tree(ApiServerSourceConversion.fromV1(v1));
    assertThat(back).isEqualTo(tree(old));
    assertThat(back).isEqualTo(yaml.readTree(FULL_V1BETA1));
  }

  @Test
  void v1ToOldToV1KeepsNamespaceSelectorAndFiltersInAnAnnotation() throws Exception {
    var v1 =
        yaml.readValue(
            V1_WITH_NEW_FIELDS, dev.tributary.api.sources.apiserver.ApiServerSource.class);
    ApiServerSource old = ApiServerSourceConversion.fromV1(v1);

    JsonNode oldTree = tree(old);
    assertThat(oldTree.get("apiVersion").asText()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(oldTree.at("/spec").has("namespaceSelector")).isFalse();
    assertThat(oldTree.at("/spec").has("filters")).isFalse();
    assertThat(oldTree.at("/status").has("namespaces")).isFalse();
    assertThat(old.getMetadata().getAnnotations())
        .containsOnlyKeys(ApiServerSourceConversion.V1_FIELDS_ANNOTATION);
    assertThat(
            old.getMetadata().getAnnotations().get(ApiServerSourceConversion.V1_FIELDS_ANNOTATION))
        .isEqualTo(
            "{\"namespaceSelector\":{\"matchExpressions\":[{\"key\":\"env\",\"operator\":\"In\","
                + "\"values\":[\"dev\",\"test\"]}]},"
                + "\"filters\":[{\"exact\":{\"type\":\"dev.knative.apiserver.resource.add\"}},"
                + "{\"not\":{\"prefix\":{\"subject\":\"/apis/v1/namespaces/kube-system\"}}}]}");

    // A v1beta1 client writes the object back unchanged: nothing of the spec is lost.
    ApiServerSource rewritten = yaml.readValue(yaml.writeValueAsString(old), ApiServerSource.class);
    var again = ApiServerSourceConversion.toV1(rewritten);
    assertThat(again.getSpec()).isEqualTo(v1.getSpec());
    assertThat(again.getMetadata().getAnnotations()).isNull();

    JsonNode expected = yaml.readTree(V1_WITH_NEW_FIELDS);
    ((ObjectNode) expected).remove("status"); // status.namespaces is the one thing lost
    JsonNode actual = tree(again);
    ((ObjectNode) actual).remove("status");
    assertThat(actual).isEqualTo(expected);
    assertThat(again.getStatus().getNamespaces()).isNull();
  }

  @Test
  void keepsOtherAnnotationsAndAddsNoneWhenNotNeeded() {
    var v1 = new dev.tributary.api.sources.apiserver.ApiServerSource();
    v1.setMetadata(new ObjectMetaBuilder().withName("s").withAnnotations(Map.of("a", "b")).build());
    v1.setSpec(
        new dev.tributary.api.sources.apiserver.ApiServerSourceSpec(
            null, null, null, null, "Reference", null, null, null, null));
    assertThat(ApiServerSourceConversion.fromV1(v1).getMetadata().getAnnotations())
        .isEqualTo(Map.of("a", "b"));

    v1.getMetadata().setAnnotations(null);
    v1.setSpec(
        new dev.tributary.api.sources.apiserver.ApiServerSourceSpec(
            null,
            null,
            null,
            null,
            "Reference",
            null,
            null,
            List.of(SubscriptionsAPIFilter.ofExact(Map.of("type", "t"))),
            null));
    ApiServerSource old = ApiServerSourceConversion.fromV1(v1);
    assertThat(old.getMetadata().getAnnotations())
        .containsOnlyKeys(ApiServerSourceConversion.V1_FIELDS_ANNOTATION);
    assertThat(v1.getMetadata().getAnnotations()).isNull();
  }

  @Test
  void theAnnotationIsReservedOnV1Objects() {
    var v1 = new dev.tributary.api.sources.apiserver.ApiServerSource();
    v1.setMetadata(
        new ObjectMetaBuilder()
            .withName("s")
            .withAnnotations(
                Map.of(ApiServerSourceConversion.V1_FIELDS_ANNOTATION, "{\"filters\":[{}]}"))
            .build());
    v1.setSpec(
        new dev.tributary.api.sources.apiserver.ApiServerSourceSpec(
            null, null, null, null, "Reference", null, null, null, null));
    ApiServerSource old = ApiServerSourceConversion.fromV1(v1);
    assertThat(old.getMetadata().getAnnotations()).isNull();
    assertThat(ApiServerSourceConversion.toV1(old).getSpec().filters()).isEmpty();
  }

  @Test
  void refusesAMalformedAnnotation() {
    ApiServerSource old = new ApiServerSource();
    old.setMetadata(
        new ObjectMetaBuilder()
            .withName("s")
            .withAnnotations(Map.of(ApiServerSourceConversion.V1_FIELDS_ANNOTATION, "{not json"))
            .build());
    assertThatThrownBy(() -> ApiServerSourceConversion.toV1(old))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "invalid annotation sources.tributary.dev/apiserversource-v1-spec: ");
  }

  @Test
  void sharesNothingMutableWithItsInput() throws Exception {
    ApiServerSource old = yaml.readValue(FULL_V1BETA1, ApiServerSource.class);
    var v1 = ApiServerSourceConversion.toV1(old);
    v1.getMetadata().getLabels().put("x", "y");
    v1.getMetadata().getAnnotations().put("x", "y");
    v1.getSpec().resources().getFirst().selector().getMatchLabels().put("x", "y");
    v1.getStatus().setSinkUri("changed");
    assertThat(tree(old)).isEqualTo(tree(yaml.readValue(FULL_V1BETA1, ApiServerSource.class)));
  }

  @Test
  void aSourceWithoutSpecOrStatusConverts() {
    ApiServerSource old = new ApiServerSource();
    var v1 = ApiServerSourceConversion.toV1(old);
    assertThat(v1.getSpec()).isNull();
    assertThat(v1.getStatus()).isNull();
    assertThat(ApiServerSourceConversion.fromV1(v1).getSpec()).isNull();
  }

  @Test
  void v1beta1IsServedNotStoredWithV1sCrdMetadata() {
    ApiServerSource old = new ApiServerSource();
    assertThat(old.getApiVersion()).isEqualTo("sources.knative.dev/v1beta1");
    assertThat(old.getCRDName()).isEqualTo("apiserversources.sources.knative.dev");
    assertThat(old.isServed()).isTrue();
    assertThat(old.isStorage()).isFalse();
    assertThat(old.isDeprecated()).isFalse();
    assertThat(old.getScope()).isEqualTo("Namespaced");
    assertThat(CustomResource.getCategories(ApiServerSource.class))
        .containsExactly("all", "knative", "sources");
    assertThat(
            Arrays.stream(ApiServerSource.class.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name))
        .containsExactly("Sink", "Age", "Ready", "Reason");
  }
}
