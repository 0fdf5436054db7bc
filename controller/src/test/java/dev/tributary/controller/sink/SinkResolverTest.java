package dev.tributary.controller.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.duck.KReference;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Tracker;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SinkResolverTest {

  private final List<Map.Entry<Reference, ObjectKey>> tracked = new ArrayList<>();
  private final Map<String, GenericKubernetesResource> objects = new HashMap<>();
  private final Tracker tracker =
      new Tracker() {
        @Override
        public void track(Reference reference, ObjectKey dependant) {
          tracked.add(Map.entry(reference, dependant));
        }

        @Override
        public void untrack(ObjectKey dependant) {}
      };
  private final SinkResolver resolver =
      new SinkResolver(
          tracker,
          (apiVersion, kind, namespace, name) ->
              Optional.ofNullable(
                  objects.get(apiVersion + "/" + kind + "/" + namespace + "/" + name)),
          "cluster.local",
          new KubernetesSerialization());
  private final HasMetadata source =
      new ConfigMapBuilder()
          .withNewMetadata()
          .withNamespace("src-ns")
          .withName("src")
          .endMetadata()
          .build();

  private void exists(
      String apiVersion, String kind, String namespace, String name, Object status) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(apiVersion);
    object.setKind(kind);
    object.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    if (status != null) {
      object.setAdditionalProperty("status", status);
    }
    objects.put(apiVersion + "/" + kind + "/" + namespace + "/" + name, object);
  }

  private URI resolved(Destination destination) {
    SinkResolution resolution = resolver.resolve(destination, source);
    assertThat(resolution).isInstanceOf(SinkResolution.Resolved.class);
    return ((SinkResolution.Resolved) resolution).sink().url();
  }

  private String failure(Destination destination) {
    SinkResolution resolution = resolver.resolve(destination, source);
    assertThat(resolution).isInstanceOf(SinkResolution.Unresolved.class);
    return ((SinkResolution.Unresolved) resolution).message();
  }

  @Test
  void anAbsoluteUriAloneIsTheSink() {
    assertThat(resolved(Destination.ofUri("https://example.com/path?q=1")))
        .hasToString("https://example.com/path?q=1");
    assertThat(tracked).isEmpty();
  }

  @Test
  void aUriAloneMustBeAbsoluteWithAHost() {
    assertThat(failure(Destination.ofUri("/relative")))
        .isEqualTo("URI is not absolute (both scheme and host should be non-empty): \"/relative\"");
    assertThat(failure(Destination.ofUri("http:")))
        .isEqualTo("URI is not absolute (both scheme and host should be non-empty): \"http:\"");
  }

  @Test
  void neitherRefNorUriIsAnError() {
    assertThat(failure(new Destination(null, null, null, null)))
        .isEqualTo("destination missing Ref and URI, expected at least one");
  }

  @Test
  void aCoreServiceIsItsClusterDomainNameWithoutPathOrPortInTheSourcesNamespace() {
    exists("v1", "Service", "src-ns", "event-display", null);

    assertThat(resolved(Destination.ofRef(KReference.of("v1", "Service", null, "event-display"))))
        .hasToString("http://event-display.src-ns.svc.cluster.local");
    assertThat(tracked)
        .containsExactly(
            Map.entry(
                Reference.byName("v1", "Service", "src-ns", "event-display"),
                new ObjectKey("src-ns", "src")));
  }

  @Test
  void aServiceWithCaCertsIsHttpsAndCarriesThem() {
    exists("v1", "Service", "other", "secure", null);

    SinkResolution resolution =
        resolver.resolve(
            new Destination(KReference.of("v1", "Service", "other", "secure"), null, "PEM", "aud"),
            source);

    assertThat(resolution)
        .isEqualTo(
            new SinkResolution.Resolved(
                new ResolvedSink(
                    URI.create("https://secure.other.svc.cluster.local"), "PEM", "aud")));
  }

  @Test
  void aMissingObjectIsNotFoundAndStillTracked() {
    assertThat(failure(Destination.ofRef(KReference.of("v1", "Service", null, "later"))))
        .isEqualTo("failed to get object src-ns/later: services \"later\" not found");
    assertThat(
            failure(
                Destination.ofRef(
                    KReference.of("eventing.knative.dev/v1", "Broker", "ns", "default"))))
        .isEqualTo(
            "failed to get object ns/default: brokers.eventing.knative.dev \"default\" not found");
    assertThat(tracked).hasSize(2);
  }

  @Test
  void aLookupFailureIsReported() {
    SinkResolver failing =
        new SinkResolver(
            tracker,
            (a, k, n, name) -> {
              throw new KubernetesClientException("no such kind");
            },
            "cluster.local",
            new KubernetesSerialization());

    SinkResolution resolution =
        failing.resolve(Destination.ofRef(KReference.of("x.dev/v1", "Thing", null, "t")), source);

    assertThat(((SinkResolution.Unresolved) resolution).message())
        .isEqualTo("failed to get lister for x.dev/v1, Kind=Thing: no such kind");
  }

  @Test
  void anAddressableResolvesThroughStatusAddressUrl() {
    exists(
        "serving.knative.dev/v1",
        "Service",
        "src-ns",
        "ksvc",
        Map.of(
            "url",
            "https://ksvc.example.com",
            "address",
            Map.of("url", "http://ksvc.src-ns.svc.cluster.local")));

    assertThat(
            resolved(
                Destination.ofRef(
                    KReference.of("serving.knative.dev/v1", "Service", null, "ksvc"))))
        .hasToString("http://ksvc.src-ns.svc.cluster.local");
  }

  @Test
  void addressesWinOverAddressAndANamedAddressIsSelected() {
    exists(
        "eventing.knative.dev/v1",
        "Broker",
        "ns",
        "b",
        Map.of(
            "address", Map.of("url", "http://single"),
            "addresses",
                List.of(
                    Map.of("name", "http", "url", "http://first"),
                    Map.of("name", "https", "url", "https://second", "CACerts", "CA"))));

    assertThat(
            resolved(
                Destination.ofRef(KReference.of("eventing.knative.dev/v1", "Broker", "ns", "b"))))
        .hasToString("http://first");
    SinkResolution named =
        resolver.resolve(
            Destination.ofRef(
                new KReference("Broker", "ns", "b", "eventing.knative.dev/v1", null, "https")),
            source);
    assertThat(named)
        .isEqualTo(
            new SinkResolution.Resolved(
                new ResolvedSink(URI.create("https://second"), "CA", null)));
    assertThat(
            failure(
                Destination.ofRef(
                    new KReference("Broker", "ns", "b", "eventing.knative.dev/v1", null, "nope"))))
        .isEqualTo(
            "address with name \"nope\" not found for &{Broker ns b eventing.knative.dev/v1  nope}");
  }

  @Test
  void anObjectWithoutAnAddressIsNotAddressableYet() {
    exists("eventing.knative.dev/v1", "Broker", "ns", "new", Map.of("conditions", List.of()));
    exists(
        "eventing.knative.dev/v1", "Broker", "ns", "nourl", Map.of("address", Map.of("name", "x")));
    exists(
        "eventing.knative.dev/v1",
        "Broker",
        "ns",
        "nohost",
        Map.of("address", Map.of("url", "/p")));

    assertThat(
            failure(
                Destination.ofRef(KReference.of("eventing.knative.dev/v1", "Broker", "ns", "new"))))
        .isEqualTo(
            "address not set for &{Broker ns new eventing.knative.dev/v1  %!s(*string=<nil>)}");
    assertThat(
            failure(
                Destination.ofRef(
                    KReference.of("eventing.knative.dev/v1", "Broker", "ns", "nourl"))))
        .startsWith("URL missing in address of &{Broker ns nourl");
    assertThat(
            failure(
                Destination.ofRef(
                    KReference.of("eventing.knative.dev/v1", "Broker", "ns", "nohost"))))
        .startsWith("hostname missing in address of &{Broker ns nohost");
  }

  @Test
  void aRelativeUriIsResolvedAgainstTheRefsUrl() {
    exists("v1", "Service", "ns", "h", null);
    exists(
        "messaging.knative.dev/v1",
        "InMemoryChannel",
        "ns",
        "c",
        Map.of("address", Map.of("url", "http://c-kn-channel.ns.svc.cluster.local/base/")));

    assertThat(
            resolved(
                new Destination(KReference.of("v1", "Service", "ns", "h"), "/foo", null, null)))
        .hasToString("http://h.ns.svc.cluster.local/foo");
    assertThat(
            resolved(
                new Destination(
                    KReference.of("messaging.knative.dev/v1", "InMemoryChannel", "ns", "c"),
                    "extra?x=1",
                    null,
                    null)))
        .hasToString("http://c-kn-channel.ns.svc.cluster.local/base/extra?x=1");
  }

  @Test
  void aRefWithAnAbsoluteUriIsRejected() {
    exists("v1", "Service", "ns", "h", null);

    assertThat(
            failure(
                new Destination(
                    KReference.of("v1", "Service", "ns", "h"), "http://x/y", null, null)))
        .isEqualTo("absolute URI is not allowed when Ref or [apiVersion, kind, name] exists");
  }

  @Test
  void resourceNamesAreGuessedAsApimachineryDoes() {
    assertThat(SinkResolver.guessResource("Service")).isEqualTo("services");
    assertThat(SinkResolver.guessResource("Ingress")).isEqualTo("ingresses");
    // apimachinery's guess is naive: every kind ending in y gets "ies".
    assertThat(SinkResolver.guessResource("Gateway")).isEqualTo("gatewaies");
    assertThat(SinkResolver.guessResource("Policy")).isEqualTo("policies");
  }
}
