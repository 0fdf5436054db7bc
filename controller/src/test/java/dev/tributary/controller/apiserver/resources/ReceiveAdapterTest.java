package dev.tributary.controller.apiserver.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.apiserver.ApiServerSource;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.api.sources.apiserver.ApiVersionKindSelector;
import dev.tributary.controller.children.JsonTrees;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiveAdapterTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  private static ApiServerSource source(CloudEventOverrides overrides) {
    ApiServerSource source = new ApiServerSource();
    source.setMetadata(
        new ObjectMetaBuilder().withNamespace("ns").withName("events").withUid("uid-1").build());
    source.setSpec(
        new ApiServerSourceSpec(
            Destination.ofUri("http://sink.ns.svc.cluster.local"),
            overrides,
            List.of(
                new ApiVersionKindSelector(
                    "apps/v1",
                    "Deployment",
                    new LabelSelectorBuilder().addToMatchLabels("app", "foo").build())),
            null,
            "Resource",
            "watcher",
            null,
            null,
            null));
    return source;
  }

  private static ReceiveAdapter.Args args(ApiServerSource source) {
    return new ReceiveAdapter.Args(
        "example.dev/ra:1",
        source,
        "http://sink.ns.svc.cluster.local",
        null,
        null,
        "knative-eventing",
        List.of(new EnvVar("K_LOGGING_CONFIG", "{}", null)),
        List.of("ns"),
        false,
        Map.of(),
        false);
  }

  @Test
  void buildsTheDeploymentUpstreamBuilds() {
    Deployment expected =
        serialization.unmarshal(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              namespace: ns
              name: apiserversource-events-uid-1
              labels:
                eventing.knative.dev/source: apiserver-source-controller
                eventing.knative.dev/sourceName: events
              ownerReferences:
              - apiVersion: sources.knative.dev/v1
                kind: ApiServerSource
                name: events
                uid: uid-1
                controller: true
                blockOwnerDeletion: true
            spec:
              replicas: 1
              selector:
                matchLabels:
                  eventing.knative.dev/source: apiserver-source-controller
                  eventing.knative.dev/sourceName: events
              template:
                metadata:
                  annotations:
                    sidecar.istio.io/inject: "true"
                  labels:
                    eventing.knative.dev/source: apiserver-source-controller
                    eventing.knative.dev/sourceName: events
                    sidecar.istio.io/inject: "true"
                spec:
                  serviceAccountName: watcher
                  enableServiceLinks: false
                  containers:
                  - name: receive-adapter
                    image: example.dev/ra:1
                    env:
                    - name: K_SINK
                      value: http://sink.ns.svc.cluster.local
                    - name: K_SOURCE_CONFIG
                      value: '{"namespaces":["ns"],"allNamespaces":false,"resources":[{"gvr":{"Group":"apps","Version":"v1","Resource":"deployments"},"selector":"app=foo"}],"mode":"Resource"}'
                    - name: SYSTEM_NAMESPACE
                      value: knative-eventing
                    - name: NAMESPACE
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.namespace
                    - name: NAME
                      value: events
                    - name: METRICS_DOMAIN
                      value: knative.dev/eventing
                    - name: K_LOGGING_CONFIG
                      value: '{}'
                    - name: K_CE_OVERRIDES
                      value: '{"extensions":{"a":"b"}}'
                    ports:
                    - name: metrics
                      containerPort: 9092
                    - name: probes
                      containerPort: 8080
                    readinessProbe:
                      httpGet:
                        path: readiness
                        port: probes
                    livenessProbe:
                      httpGet:
                        path: health
                        port: probes
                    securityContext:
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      runAsNonRoot: true
                      capabilities:
                        drop: [ALL]
                      seccompProfile:
                        type: RuntimeDefault
            """,
            Deployment.class);

    Deployment built = ReceiveAdapter.make(args(source(new CloudEventOverrides(Map.of("a", "b")))));

    assertThat(serialization.asYaml(built)).isEqualTo(serialization.asYaml(expected));
  }

  @Test
  void noOverridesNoOverridesVariableAndSinkCertificatesWhenPresent() {
    ApiServerSource source = source(null);
    Deployment built =
        ReceiveAdapter.make(
            new ReceiveAdapter.Args(
                "img",
                source,
                "https://s",
                "PEM",
                "aud",
                "sys",
                List.of(),
                List.of(),
                true,
                Map.of("disk", "ssd"),
                true));
    PodSpec pod = built.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("disk", "ssd");
    assertThat(pod.getContainers().get(0).getEnv())
        .extracting(EnvVar::getName)
        .containsExactly(
            "K_SINK",
            "K_SOURCE_CONFIG",
            "SYSTEM_NAMESPACE",
            "NAMESPACE",
            "NAME",
            "METRICS_DOMAIN",
            "K_CA_CERTS",
            "K_AUDIENCE");
    assertThat(pod.getContainers().get(0).getEnv().get(1).getValue())
        .startsWith("{\"namespaces\":[],\"allNamespaces\":true,")
        .endsWith("\"failFast\":true}");
  }

  @Test
  void theNameIsAKmetaChildNameOfTheUid() {
    ApiServerSource source = source(null);
    source.getMetadata().setName("a-very-long-source-name-that-goes-on-and-on");
    source.getMetadata().setUid("0b2c6e3e-8a4b-4b6c-9f1e-2f3a4b5c6d7e");
    assertThat(ReceiveAdapter.name(source)).hasSizeLessThanOrEqualTo(63);
    assertThat(ReceiveAdapter.name(source(null))).isEqualTo("apiserversource-events-uid-1");
  }

  @Test
  void podSpecChangesAreSeenButServerDefaultsAreNot() {
    JsonTrees trees = new JsonTrees(serialization);
    Deployment desired = ReceiveAdapter.make(args(source(null)));
    PodSpec live = serialization.clone(desired.getSpec().getTemplate().getSpec());
    live.setRestartPolicy("Always");
    live.getContainers().get(0).setImagePullPolicy("IfNotPresent");
    live.getContainers().get(0).getEnv().get(3).getValueFrom().getFieldRef().setApiVersion("v1");
    PodSpec want = desired.getSpec().getTemplate().getSpec();
    assertThat(ReceiveAdapter.podSpecChanged(live, want, trees)).isFalse();

    PodSpec extraVariable = serialization.clone(live);
    extraVariable.getContainers().get(0).getEnv().add(new EnvVar("STALE", "x", null));
    assertThat(ReceiveAdapter.podSpecChanged(extraVariable, want, trees)).isTrue();

    PodSpec otherImage = serialization.clone(live);
    otherImage.getContainers().get(0).setImage("old");
    assertThat(ReceiveAdapter.podSpecChanged(otherImage, want, trees)).isTrue();
  }
}
