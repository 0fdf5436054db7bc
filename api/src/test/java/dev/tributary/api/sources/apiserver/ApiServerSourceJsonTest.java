package dev.tributary.api.sources.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads upstream-shaped manifests and checks they land in the right fields and write back. */
class ApiServerSourceJsonTest {
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper json = new ObjectMapper();

  /** The walkthrough's source, as it would look in v1 (it is v1beta1 in the walkthrough). */
  private static final String WALKTHROUGH_V1 =
      """
      apiVersion: sources.knative.dev/v1
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

  /** Every v1 field, as upstream's docs and samples write them, with a reconciled status. */
  private static final String FULL_V1 =
      """
      apiVersion: sources.knative.dev/v1
      kind: ApiServerSource
      metadata:
        name: full
        namespace: team
        annotations:
          features.knative.dev/apiserversource-skip-permissions-check: "true"
      spec:
        sink:
          ref:
            apiVersion: eventing.knative.dev/v1
            kind: Broker
            name: default
            namespace: team
          uri: /extra
          CACerts: PEM
          audience: aud
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
              operator: In
              values: [a, b]
        - apiVersion: v1
          kind: Pod
        owner:
          apiVersion: apps/v1
          kind: ReplicaSet
        mode: Reference
        serviceAccountName: sa
        namespaceSelector:
          matchLabels:
            env: test
        filters:
        - exact:
            type: dev.knative.apiserver.ref.add
        - any:
          - prefix:
              subject: /apis/v1
          - not:
              suffix:
                subject: /x
        delivery:
          retry: 3
          backoffPolicy: exponential
          backoffDelay: PT0.2S
      status:
        observedGeneration: 2
        conditions:
        - type: Ready
          status: "True"
          lastTransitionTime: "2024-05-01T10:00:00Z"
        - type: SinkProvided
          status: "True"
          lastTransitionTime: "2024-05-01T10:00:00Z"
        sinkUri: http://broker-ingress.knative-eventing.svc.cluster.local/team/default/extra
        ceAttributes:
        - type: dev.knative.apiserver.ref.add
          source: https://10.96.0.1:443
        namespaces:
        - a
        - b
      """;

  /** The JSON text written, read back as a tree (so numbers compare by value, not Java type). */
  private JsonNode writtenTree(Object value) throws Exception {
    return json.readTree(json.writeValueAsString(value));
  }

  @Test
  void readsTheWalkthroughSource() throws Exception {
    ApiServerSource source = yaml.readValue(WALKTHROUGH_V1, ApiServerSource.class);
    ApiServerSourceSpec spec = source.getSpec();
    assertThat(source.getMetadata().getName()).isEqualTo("test-apiserver-source");
    assertThat(spec.serviceAccountName()).isEqualTo("events-sa");
    assertThat(spec.mode()).isEqualTo("Resource");
    assertThat(spec.resources()).containsExactly(ApiVersionKindSelector.of("v1", "Event"));
    assertThat(spec.sink().ref()).isEqualTo(KReference.of("v1", "Service", null, "event-display"));
    assertThat(spec.namespaceSelector()).isNull();
    assertThat(spec.filters()).isEmpty();
    assertThat(spec.owner()).isNull();
    assertThat(ApiServerSourceValidation.validate(source).isEmpty()).isTrue();

    JsonNode written = writtenTree(source);
    assertThat(written).isEqualTo(yaml.readTree(WALKTHROUGH_V1));
  }

  @Test
  void readsEveryFieldAndWritesItBackWithUpstreamsNames() throws Exception {
    ApiServerSource source = yaml.readValue(FULL_V1, ApiServerSource.class);
    ApiServerSourceSpec spec = source.getSpec();
    assertThat(spec.sink().caCerts()).isEqualTo("PEM");
    assertThat(spec.sink().uri()).isEqualTo("/extra");
    assertThat(spec.ceOverrides().extensions()).isEqualTo(Map.of("hello", "world"));
    assertThat(spec.resources().getFirst().selector().getMatchLabels())
        .isEqualTo(Map.of("app", "foo"));
    assertThat(spec.resources().getFirst().selector().getMatchExpressions().getFirst().getValues())
        .containsExactly("a", "b");
    assertThat(spec.owner()).isEqualTo(new ApiVersionKind("apps/v1", "ReplicaSet"));
    assertThat(spec.namespaceSelector().getMatchLabels()).isEqualTo(Map.of("env", "test"));
    assertThat(spec.filters())
        .containsExactly(
            SubscriptionsAPIFilter.ofExact(Map.of("type", "dev.knative.apiserver.ref.add")),
            SubscriptionsAPIFilter.ofAny(
                List.of(
                    SubscriptionsAPIFilter.ofPrefix(Map.of("subject", "/apis/v1")),
                    SubscriptionsAPIFilter.ofNot(
                        SubscriptionsAPIFilter.ofSuffix(Map.of("subject", "/x"))))));
    assertThat(spec.delivery().retry()).isEqualTo(3);
    assertThat(source.getStatus().getNamespaces()).containsExactly("a", "b");
    assertThat(source.getStatus().getConditions())
        .extracting(Condition::type)
        .containsExactly("Ready", "SinkProvided");
    assertThat(source.getStatus().getSinkUri()).endsWith("/team/default/extra");
    assertThat(ApiServerSourcePermissions.skipsCheck(source.getMetadata().getAnnotations()))
        .isTrue();

    JsonNode written = writtenTree(source);
    assertThat(written).isEqualTo(yaml.readTree(FULL_V1));
    // The written object reads back to the same spec and status.
    ApiServerSource again = json.treeToValue(written, ApiServerSource.class);
    assertThat(again.getSpec()).isEqualTo(spec);
    assertThat(again.getStatus().getConditions()).isEqualTo(source.getStatus().getConditions());
    assertThat(writtenTree(again)).isEqualTo(written);
  }

  @Test
  void emptyNamespaceListsAndSelectorsSurvive() throws Exception {
    String manifest =
        """
        apiVersion: sources.knative.dev/v1
        kind: ApiServerSource
        metadata:
          name: all-namespaces
        spec:
          resources:
          - apiVersion: v1
            kind: Pod
          namespaceSelector: {}
          sink:
            uri: http://example.com
        status:
          namespaces: []
        """;
    ApiServerSource source = yaml.readValue(manifest, ApiServerSource.class);
    assertThat(LabelSelectors.isEmpty(source.getSpec().namespaceSelector())).isTrue();
    assertThat(source.getStatus().getNamespaces()).isEmpty();
    assertThat(writtenTree(source)).isEqualTo(yaml.readTree(manifest));
  }

  @Test
  void unknownSpecFieldsAreIgnoredAsTheSchemaPreservesThem() throws Exception {
    ApiServerSource source =
        yaml.readValue(
            """
            apiVersion: sources.knative.dev/v1
            kind: ApiServerSource
            metadata:
              name: s
            spec:
              futureField: 1
              resources:
              - apiVersion: v1
                kind: Pod
                futureToo: x
              sink:
                uri: http://example.com
            """,
            ApiServerSource.class);
    assertThat(source.getSpec().resources())
        .containsExactly(ApiVersionKindSelector.of("v1", "Pod"));
  }

  @Test
  void declaresUpstreamsCrdMetadata() {
    ApiServerSource source = new ApiServerSource();
    assertThat(source.getApiVersion()).isEqualTo("sources.knative.dev/v1");
    assertThat(source.getKind()).isEqualTo("ApiServerSource");
    assertThat(source.getPlural()).isEqualTo("apiserversources");
    assertThat(source.getSingular()).isEqualTo("apiserversource");
    assertThat(source.getCRDName()).isEqualTo("apiserversources.sources.knative.dev");
    assertThat(source.getScope()).isEqualTo("Namespaced");
    assertThat(source.isStorage()).isTrue();
    assertThat(source.isServed()).isTrue();
    assertThat(CustomResource.getCategories(ApiServerSource.class))
        .containsExactly("all", "knative", "sources");
    assertThat(CustomResource.getShortNames(ApiServerSource.class)).isEmpty();
    assertThat(ApiServerSource.class.getAnnotation(Labels.class).value())
        .containsExactlyInAnyOrder(
            "eventing.knative.dev/source=true",
            "duck.knative.dev/source=true",
            "knative.dev/crd-install=true");
    assertThat(ApiServerSource.class.getAnnotation(Annotations.class).value())
        .containsExactly(
            "registry.knative.dev/eventTypes=" + ApiServerSourceEventTypes.REGISTRY_ANNOTATION);
    assertThat(
            Arrays.stream(ApiServerSource.class.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(c -> c.name() + " " + c.type() + " " + c.jsonPath()))
        .containsExactly(
            "Sink STRING .status.sinkUri",
            "Age DATE .metadata.creationTimestamp",
            "Ready STRING .status.conditions[?(@.type==\"Ready\")].status",
            "Reason STRING .status.conditions[?(@.type==\"Ready\")].reason");
    assertThat(ApiServerSourceSpec.class.isAnnotationPresent(PreserveUnknownFields.class)).isTrue();
    assertThat(ApiServerSource.FINALIZER).isEqualTo("apiserversources.sources.knative.dev");
  }
}
