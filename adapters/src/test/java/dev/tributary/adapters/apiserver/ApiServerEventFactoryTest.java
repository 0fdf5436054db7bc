package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.apiserver.ApiServerSourceEventTypes.Operation;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerEventFactoryTest {

  private static final URI SOURCE = URI.create("https://10.96.0.1:443");

  private static Map<String, Object> event(String message) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "busybox.1");
    metadata.put("namespace", "default");
    metadata.put("resourceVersion", "42");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("message", message);
    object.put("metadata", metadata);
    object.put("kind", "Event");
    object.put("apiVersion", "v1");
    object.put("count", 1);
    return object;
  }

  @Test
  void resourceModeCarriesTheWholeObjectWithSortedKeysAndUpstreamAttributes() {
    CloudEvent e =
        new ApiServerEventFactory(SOURCE, "Resource")
            .event(Operation.ADD, event("Created container <busybox>"));

    assertThat(e.getType()).isEqualTo("dev.knative.apiserver.resource.add");
    assertThat(e.getSource()).isEqualTo(SOURCE);
    assertThat(e.getSubject()).isEqualTo("/apis/v1/namespaces/default/events/busybox.1");
    assertThat(e.getDataContentType()).isEqualTo("application/json");
    assertThat(e.getExtension("kind")).isEqualTo("Event");
    assertThat(e.getExtension("apiversion")).isEqualTo("v1");
    assertThat(e.getExtension("name")).isEqualTo("busybox.1");
    assertThat(e.getExtension("namespace")).isEqualTo("default");
    assertThat(e.getTime()).isNull();
    assertThat(e.getId()).hasSize(36);
    assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"count\":1,\"kind\":\"Event\",\"message\":\"Created container"
                + " \\u003cbusybox\\u003e\",\"metadata\":{\"name\":\"busybox.1\",\"namespace\":"
                + "\"default\",\"resourceVersion\":\"42\"}}");
  }

  @Test
  void resourceModeLeavesOutManagedFieldsAndKeepsTheRestOfTheMetadata() {
    Map<String, Object> object = event("Started container busybox");
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    metadata.put(
        "managedFields",
        List.of(Map.of("manager", "kubelet", "operation", "Update", "fieldsV1", Map.of())));

    CloudEvent e = new ApiServerEventFactory(SOURCE, "Resource").event(Operation.UPDATE, object);

    assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"count\":1,\"kind\":\"Event\",\"message\":\"Started container"
                + " busybox\",\"metadata\":{\"name\":\"busybox.1\",\"namespace\":"
                + "\"default\",\"resourceVersion\":\"42\"}}");
    assertThat(metadata).as("the watched object is not changed").containsKey("managedFields");
  }

  @Test
  void referenceModeCarriesAnObjectReferenceInGoFieldOrder() {
    CloudEvent e =
        new ApiServerEventFactory(SOURCE, "Reference").event(Operation.DELETE, event("x"));

    assertThat(e.getType()).isEqualTo("dev.knative.apiserver.ref.delete");
    assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"kind\":\"Event\",\"namespace\":\"default\",\"name\":\"busybox.1\",\"apiVersion\":\"v1\"}");
  }

  @Test
  void eachOperationHasItsType() {
    ApiServerEventFactory ref = new ApiServerEventFactory(SOURCE, "Reference");
    ApiServerEventFactory res = new ApiServerEventFactory(SOURCE, "Resource");
    assertThat(
            List.of(
                ref.event(Operation.ADD, event("")).getType(),
                ref.event(Operation.UPDATE, event("")).getType(),
                res.event(Operation.UPDATE, event("")).getType(),
                res.event(Operation.DELETE, event("")).getType()))
        .containsExactly(
            "dev.knative.apiserver.ref.add",
            "dev.knative.apiserver.ref.update",
            "dev.knative.apiserver.resource.update",
            "dev.knative.apiserver.resource.delete");
  }

  @Test
  void anyModeButReferenceIsResourceModeAsUpstream() {
    assertThat(new ApiServerEventFactory(SOURCE, "").mode()).isEqualTo("Resource");
    assertThat(new ApiServerEventFactory(SOURCE, "reference").mode()).isEqualTo("Resource");
  }

  @Test
  void clusterScopedObjectsHaveAnEmptyNamespaceInSubjectExtensionAndNoneInTheReference() {
    Map<String, Object> node =
        Map.of("apiVersion", "v1", "kind", "Node", "metadata", Map.of("name", "n1"));
    CloudEvent e = new ApiServerEventFactory(SOURCE, "Reference").event(Operation.ADD, node);

    assertThat(e.getSubject()).isEqualTo("/apis/v1/namespaces//nodes/n1");
    assertThat(e.getExtension("namespace")).isEqualTo("");
    assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"kind\":\"Node\",\"name\":\"n1\",\"apiVersion\":\"v1\"}");
  }

  @Test
  void subjectsFollowUpstreamsSelfLinkHack() {
    assertThat(ApiServerEventFactory.subject("apps/v1", "Deployment", "ns", "d"))
        .isEqualTo("/apis/apps/v1/namespaces/ns/deployments/d");
    assertThat(ApiServerEventFactory.subject("serving.knative.dev", "Revision", "ns", "r"))
        .isEqualTo("/apis/serving.knative.dev/versionUnknown/namespaces/ns/revisions/r");
    assertThat(ApiServerEventFactory.subject("networking.k8s.io/v1", "Gateway", "ns", "g"))
        .isEqualTo("/apis/networking.k8s.io/v1/namespaces/ns/gatewaies/g");
    assertThat(ApiServerEventFactory.subject("v1", "Endpoints", "ns", "e"))
        .isEqualTo("/apis/v1/namespaces/ns/endpoints/e");
  }
}
