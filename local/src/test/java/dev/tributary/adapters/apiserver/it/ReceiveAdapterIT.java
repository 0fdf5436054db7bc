package dev.tributary.adapters.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.testing.RecordingSink;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receive adapter against the local API server: upstream's events for core Events and
 * ConfigMaps in both modes, label selectors, filters, and resuming after a restart.
 */
class ReceiveAdapterIT {

  @TempDir static Path temp;
  static TestCluster cluster;
  static KubernetesClient client;
  static RecordingSink sink;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("cluster"));
    client = cluster.client();
    sink = new RecordingSink();
  }

  @AfterAll
  static void stop() throws Exception {
    sink.close();
    cluster.close();
  }

  private static ConfigMap configMap(String ns, String name, Map<String, String> labels) {
    return client
        .configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .addToData("k", "v0")
                .build())
        .create();
  }

  private static void edit(String ns, String name, String value) {
    client
        .configMaps()
        .inNamespace(ns)
        .withName(name)
        .edit(
            cm -> {
              cm.getData().put("k", value);
              return cm;
            });
  }

  @Test
  void resourceModeSendsAddUpdateDeleteOfCoreEventsWithUpstreamAttributes() throws Exception {
    String ns = "resource-mode";
    Adapters.namespace(client, ns);
    var adapter =
        Adapters.start(
            cluster.kubeconfig,
            sink.url(),
            ns,
            "events",
            Adapters.config(ns, "v1", "events", "", "Resource"));
    try {
      adapter.awaitEstablished();
      Event created =
          client
              .v1()
              .events()
              .inNamespace(ns)
              .resource(
                  new EventBuilder()
                      .withNewMetadata()
                      .withName("busybox.1")
                      .endMetadata()
                      .withNewInvolvedObject()
                      .withKind("Pod")
                      .withName("busybox")
                      .withNamespace(ns)
                      .endInvolvedObject()
                      .withReason("Created")
                      .withMessage("Created container busybox")
                      .withType("Normal")
                      .build())
              .create();
      client
          .v1()
          .events()
          .inNamespace(ns)
          .withName("busybox.1")
          .edit(
              e -> {
                e.setMessage("Started container busybox");
                return e;
              });
      client.v1().events().inNamespace(ns).withName("busybox.1").delete();

      await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 3);
      assertThat(sink.summary(ns))
          .containsExactly(
              "dev.knative.apiserver.resource.add busybox.1",
              "dev.knative.apiserver.resource.update busybox.1",
              "dev.knative.apiserver.resource.delete busybox.1");
      List<CloudEvent> events = sink.about("busybox.1");
      CloudEvent add = events.get(0);
      assertThat(add.getSource().toString()).isEqualTo(cluster.baseUrl().replaceAll("/$", ""));
      assertThat(add.getSubject()).isEqualTo("/apis/v1/namespaces/" + ns + "/events/busybox.1");
      assertThat(add.getExtension("kind")).isEqualTo("Event");
      assertThat(add.getExtension("apiversion")).isEqualTo("v1");
      assertThat(add.getExtension("namespace")).isEqualTo(ns);
      assertThat(add.getDataContentType()).isEqualTo("application/json");
      assertThat(add.getTime()).isNotNull();
      assertThat(RecordingSink.data(add))
          .startsWith("{\"apiVersion\":\"v1\",")
          .contains("\"message\":\"Created container busybox\"")
          .contains("\"resourceVersion\":\"" + created.getMetadata().getResourceVersion() + "\"");
      assertThat(RecordingSink.data(events.get(1)))
          .contains("\"message\":\"Started container busybox\"");
      assertThat(RecordingSink.data(events.get(2)))
          .contains("\"message\":\"Started container busybox\"");
      assertThat(events.stream().map(CloudEvent::getId).distinct()).hasSize(3);
    } finally {
      assertThat(adapter.stop()).isZero();
    }
  }

  @Test
  void referenceModeWithALabelSelectorSendsReferencesOfSelectedObjectsOnly() throws Exception {
    String ns = "reference-mode";
    Adapters.namespace(client, ns);
    configMap(ns, "existing", Map.of("app", "web"));
    var adapter =
        Adapters.start(
            cluster.kubeconfig,
            sink.url(),
            ns,
            "refs",
            Adapters.config(ns, "v1", "configmaps", "app=web", "Reference"));
    try {
      adapter.awaitEstablished();
      configMap(ns, "db", Map.of("app", "db"));
      configMap(ns, "web", Map.of("app", "web"));
      edit(ns, "existing", "v1");

      await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 2);
      assertThat(sink.summary(ns))
          .containsExactly(
              "dev.knative.apiserver.ref.add web", "dev.knative.apiserver.ref.update existing");
      assertThat(RecordingSink.data(sink.about("web").get(0)))
          .isEqualTo(
              "{\"kind\":\"ConfigMap\",\"namespace\":\""
                  + ns
                  + "\",\"name\":\"web\",\"apiVersion\":\"v1\"}");
    } finally {
      adapter.stop();
    }
    assertThat(sink.summary(ns)).hasSize(2); // nothing for "db", nor for "existing" at startup
  }

  @Test
  void filtersDropEventsThatDoNotMatch() throws Exception {
    String ns = "filters";
    Adapters.namespace(client, ns);
    String filters =
        "[{\"any\":[{\"exact\":{\"type\":\"dev.knative.apiserver.resource.delete\"}},"
            + "{\"prefix\":{\"name\":\"keep\"}}]},{\"not\":{\"suffix\":{\"name\":\"-skip\"}}}]";
    var adapter =
        Adapters.start(
            cluster.kubeconfig,
            sink.url(),
            ns,
            "filtered",
            Adapters.config(ns, "v1", "configmaps", "", "Resource", filters));
    try {
      adapter.awaitEstablished();
      configMap(ns, "keep-me", Map.of());
      configMap(ns, "drop-me", Map.of());
      configMap(ns, "keep-skip", Map.of());
      client.configMaps().inNamespace(ns).withName("drop-me").delete();
      configMap(ns, "last", Map.of());
      client.configMaps().inNamespace(ns).withName("last").delete();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sink.summary(ns).contains("dev.knative.apiserver.resource.delete last"));
      assertThat(sink.summary(ns))
          .containsExactly(
              "dev.knative.apiserver.resource.add keep-me",
              "dev.knative.apiserver.resource.delete drop-me",
              "dev.knative.apiserver.resource.delete last");
    } finally {
      adapter.stop();
    }
  }

  @Test
  void aRestartedAdapterDeliversEveryChangeMadeWhileItWasDown() throws Exception {
    String ns = "restart";
    Adapters.namespace(client, ns);
    String config = Adapters.config(ns, "v1", "configmaps", "", "Resource");
    var first = Adapters.start(cluster.kubeconfig, sink.url(), ns, "restarts", config);
    first.awaitEstablished();
    configMap(ns, "a", Map.of());
    configMap(ns, "b", Map.of());
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 2);
    assertThat(first.stop()).isZero();
    assertThat(
            client
                .configMaps()
                .inNamespace(ns)
                .withName("restarts-apiserversource-checkpoint")
                .get()
                .getData())
        .containsKey("configmaps.core.v1." + ns);

    edit(ns, "a", "v1");
    edit(ns, "a", "v2");
    client.configMaps().inNamespace(ns).withName("b").delete();
    configMap(ns, "c", Map.of());

    var second = Adapters.start(cluster.kubeconfig, sink.url(), ns, "restarts", config);
    try {
      second.awaitEstablished();
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.summary(ns).size() >= 6);
      assertThat(sink.summary(ns))
          .containsExactly(
              "dev.knative.apiserver.resource.add a",
              "dev.knative.apiserver.resource.add b",
              "dev.knative.apiserver.resource.update a",
              "dev.knative.apiserver.resource.update a",
              "dev.knative.apiserver.resource.delete b",
              "dev.knative.apiserver.resource.add c");
      assertThat(second.log().text()).contains("msg=\"resuming watch from checkpoint\"");
      assertThat(RecordingSink.data(sink.about("a").get(2))).contains("\"k\":\"v2\"");
    } finally {
      second.stop();
    }
  }

  @Test
  void anAdapterWithoutListWatchPermissionReportsItAndStartsOnceGranted() throws Exception {
    String ns = "permissions";
    Adapters.namespace(client, ns);
    String user = "system:serviceaccount:" + ns + ":receive-adapter";
    var adapter =
        Adapters.start(
            cluster.kubeconfig,
            sink.url(),
            ns,
            "denied",
            Adapters.config(ns, "v1", "configmaps", "", "Resource"),
            user);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> adapter.log().text().contains("msg=\"cannot list configmaps\""));
      assertThat(adapter.log().text())
          .contains("code=403")
          .contains("msg=\"cannot read the checkpoint ConfigMap;")
          .doesNotContain("watches established");

      client
          .rbac()
          .roles()
          .inNamespace(ns)
          .resource(
              new RoleBuilder()
                  .withNewMetadata()
                  .withName("watch-configmaps")
                  .endMetadata()
                  .addNewRule()
                  .withApiGroups("")
                  .withResources("configmaps")
                  .withVerbs("get", "list", "watch")
                  .endRule()
                  .build())
          .create();
      client
          .rbac()
          .roleBindings()
          .inNamespace(ns)
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName("watch-configmaps")
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "Role", "watch-configmaps")
                  .addNewSubject()
                  .withKind("ServiceAccount")
                  .withName("receive-adapter")
                  .withNamespace(ns)
                  .endSubject()
                  .build())
          .create();

      adapter.awaitEstablished();
      configMap(ns, "now-visible", Map.of());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sink.summary(ns).contains("dev.knative.apiserver.resource.add now-visible"));
    } finally {
      adapter.stop();
    }
  }

  @Test
  void aFullQueuePausesTheWatchAndLosesNothing() throws Exception {
    String ns = "back-pressure";
    Adapters.namespace(client, ns);
    try (RecordingSink slow = new RecordingSink()) {
      var adapter =
          Adapters.start(
              cluster.kubeconfig,
              slow.url(),
              ns,
              "slow",
              Adapters.config(ns, "v1", "configmaps", "", "Reference"),
              null,
              4);
      try {
        adapter.awaitEstablished();
        slow.hold();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          configMap(ns, "cm-" + i, Map.of());
          expected.add("dev.knative.apiserver.ref.add cm-" + i);
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> adapter.log().text().contains("msg=\"delivery queue full, watch paused\""));
        assertThat(slow.summary(ns)).hasSize(1); // the one being sent; the rest wait

        slow.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.summary(ns).size() >= 20);
        assertThat(slow.summary(ns)).containsExactlyElementsOf(expected);
      } finally {
        adapter.stop();
      }
    }
  }

  @Test
  void aResourceThatDoesNotExistIsSkippedOrEndsTheAdapterInFailFastMode() throws Exception {
    String ns = "missing";
    Adapters.namespace(client, ns);
    String missing = Adapters.config(ns, "v1", "nosuchthings", "", "Resource");
    var resilient = Adapters.start(cluster.kubeconfig, sink.url(), ns, "resilient", missing);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  resilient
                      .log()
                      .text()
                      .contains(
                          "could not retrieve information about resource v1, Resource=nosuchthings:"
                              + " it doesn't exist. skipping..."));
      assertThat(resilient.runtime().exitCode().isComplete()).isFalse();
    } finally {
      assertThat(resilient.stop()).isZero();
    }

    String failFast = missing.substring(0, missing.length() - 1) + ",\"failFast\":true}";
    var failing = Adapters.start(cluster.kubeconfig, sink.url(), ns, "failing", failFast);
    int code =
        failing
            .runtime()
            .exitCode()
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(code).isEqualTo(1);
    assertThat(failing.log().text()).contains("resource v1, Resource=nosuchthings does not exist");
  }
}
