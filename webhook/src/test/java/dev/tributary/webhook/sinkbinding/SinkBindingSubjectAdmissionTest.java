package dev.tributary.webhook.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingSpec;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SinkBindingSubjectAdmissionTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SINK = "http://event-display.default.svc.cluster.local";

  private final List<SinkBinding> bindings = new ArrayList<>();
  private final SinkBindingSubjectAdmission admission =
      new SinkBindingSubjectAdmission(
          ns -> bindings.stream().filter(b -> b.getMetadata().getNamespace().equals(ns)).toList(),
          SERIALIZATION);

  @Test
  void aJobSelectedByLabelIsCreatedWithTheSinkAndOverridesInEveryContainer() {
    bindings.add(
        resolved(
            binding(
                "bind-heartbeat",
                Reference.bySelector(
                    "batch/v1",
                    "Job",
                    "default",
                    new LabelSelectorBuilder().addToMatchLabels("app", "heartbeat-cron").build()),
                new CloudEventOverrides(Map.of("hello", "world")))));

    String job =
        job(
            "heartbeat-1",
            "{\"app\":\"heartbeat-cron\"}",
            "[{\"name\":\"ONE_SHOT\",\"value\":\"true\"}]");
    AdmissionResponse response = admission.admit(request("CREATE", "batch", "Job", job));

    assertThat(response.getAllowed()).isTrue();
    assertThat(response.getPatchType()).isEqualTo("JSONPatch");
    JsonNode patched = apply(job, response);
    for (String list : List.of("initContainers", "containers")) {
      assertThat(patched.at("/spec/template/spec/" + list + "/0/env").toString())
          .isEqualTo(
              "[{\"name\":\"ONE_SHOT\",\"value\":\"true\"},"
                  + "{\"name\":\"K_SINK\",\"value\":\""
                  + SINK
                  + "\"},"
                  + "{\"name\":\"K_CE_OVERRIDES\",\"value\":\"{\\\"extensions\\\":{\\\"hello\\\":\\\"world\\\"}}\"}]");
    }
    // Nothing but the env changed.
    ((tools.jackson.databind.node.ObjectNode) patched.at("/spec/template/spec/containers/0"))
        .remove("env");
    ((tools.jackson.databind.node.ObjectNode) patched.at("/spec/template/spec/initContainers/0"))
        .remove("env");
    JsonNode original = JSON.readTree(job);
    ((tools.jackson.databind.node.ObjectNode) original.at("/spec/template/spec/containers/0"))
        .remove("env");
    ((tools.jackson.databind.node.ObjectNode) original.at("/spec/template/spec/initContainers/0"))
        .remove("env");
    assertThat(patched).isEqualTo(original);
  }

  @Test
  void anAlreadyBoundObjectIsLeftAsItIs() {
    bindings.add(
        resolved(
            binding("by-name", Reference.byName("apps/v1", "Deployment", "default", "d"), null)));
    String deployment =
        deployment(
            "d",
            "{}",
            "[{\"name\":\"K_SINK\",\"value\":\""
                + SINK
                + "\"},{\"name\":\"K_CE_OVERRIDES\",\"value\":\"\"}]");

    AdmissionResponse response =
        admission.admit(request("UPDATE", "apps", "Deployment", deployment));

    assertThat(response.getAllowed()).isTrue();
    assertThat(response.getPatch()).isNull();
  }

  @Test
  void aStaleSinkIsReplacedAndCaCertsInjectedWhenTheSinkHasThem() {
    SinkBinding binding =
        resolved(
            binding("by-name", Reference.byName("apps/v1", "Deployment", "default", "d"), null));
    binding.getStatus().setSinkUri("https://secure.default.svc.cluster.local");
    binding.getStatus().setSinkCACerts("PEM");
    bindings.add(binding);
    String deployment =
        deployment(
            "d",
            "{}",
            "[{\"name\":\"K_SINK\",\"value\":\"http://old\"},{\"name\":\"A\",\"value\":\"b\"}]");

    JsonNode patched =
        apply(deployment, admission.admit(request("UPDATE", "apps", "Deployment", deployment)));

    assertThat(patched.at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo(
            "[{\"name\":\"A\",\"value\":\"b\"},"
                + "{\"name\":\"K_SINK\",\"value\":\"https://secure.default.svc.cluster.local\"},"
                + "{\"name\":\"K_CA_CERTS\",\"value\":\"PEM\"},"
                + "{\"name\":\"K_CE_OVERRIDES\",\"value\":\"\"}]");
  }

  @Test
  void aBindingByNameWinsOverOneBySelector() {
    bindings.add(
        resolved(
            binding(
                "a-selector",
                Reference.bySelector(
                    "apps/v1", "Deployment", "default", new LabelSelectorBuilder().build()),
                null)));
    SinkBinding byName =
        resolved(
            binding("z-name", Reference.byName("apps/v1", "Deployment", "default", "d"), null));
    byName.getStatus().setSinkUri("http://named");
    bindings.add(byName);
    String deployment = deployment("d", "{}", "[]");

    JsonNode patched =
        apply(deployment, admission.admit(request("CREATE", "apps", "Deployment", deployment)));

    assertThat(patched.at("/spec/template/spec/containers/0/env/0/value").asString())
        .isEqualTo("http://named");
  }

  @Test
  void objectsNoBindingSelectsAreAllowedUntouched() {
    bindings.add(
        resolved(
            binding(
                "jobs",
                Reference.bySelector(
                    "batch/v1",
                    "Job",
                    "default",
                    new LabelSelectorBuilder().addToMatchLabels("app", "x").build()),
                null)));
    String otherLabels = job("j", "{\"app\":\"y\"}", "[]");
    String matching = job("j", "{\"app\":\"x\"}", "[]");

    assertThat(admission.admit(request("CREATE", "batch", "Job", otherLabels)).getPatch()).isNull();
    // Same labels, but another kind, group or namespace.
    assertThat(admission.admit(request("CREATE", "apps", "Job", matching)).getPatch()).isNull();
    assertThat(admission.admit(request("CREATE", "batch", "CronJob", matching)).getPatch())
        .isNull();
    AdmissionRequest elsewhere = request("CREATE", "batch", "Job", matching);
    elsewhere.setNamespace("other");
    assertThat(admission.admit(elsewhere).getPatch()).isNull();
    // The same object matches, which shows the cases above were left out for their difference.
    assertThat(admission.admit(request("CREATE", "batch", "Job", matching)).getPatch()).isNotNull();
  }

  @Test
  void aBindingBeingDeletedOrWhoseSinkIsGoneRemovesTheInjection() {
    String bound =
        deployment(
            "d",
            "{}",
            "[{\"name\":\"A\",\"value\":\"b\"},{\"name\":\"K_SINK\",\"value\":\""
                + SINK
                + "\"},{\"name\":\"K_CE_OVERRIDES\",\"value\":\"\"}]");
    SinkBinding deleting =
        resolved(binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null));
    deleting.getMetadata().setDeletionTimestamp("2026-11-29T17:00:00Z");
    bindings.add(deleting);

    JsonNode undone = apply(bound, admission.admit(request("UPDATE", "apps", "Deployment", bound)));
    assertThat(undone.at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo("[{\"name\":\"A\",\"value\":\"b\"}]");

    bindings.clear();
    SinkBinding noSink =
        binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null);
    noSink.setStatus(status(noSink, Condition.FALSE, SINK));
    bindings.add(noSink);
    JsonNode unbound =
        apply(bound, admission.admit(request("UPDATE", "apps", "Deployment", bound)));
    assertThat(unbound.at("/spec/template/spec/containers/0/env").toString())
        .isEqualTo("[{\"name\":\"A\",\"value\":\"b\"}]");
  }

  @Test
  void aBindingWhoseStatusIsNotCurrentLeavesTheObjectAlone() {
    SinkBinding unknown =
        binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null);
    unknown.setStatus(status(unknown, Condition.UNKNOWN, null));
    SinkBinding stale =
        resolved(binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null));
    stale.getMetadata().setGeneration(2L);
    SinkBinding fresh =
        binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null);
    String deployment = deployment("d", "{}", "[]");

    for (SinkBinding binding : List.of(unknown, stale, fresh)) {
      bindings.clear();
      bindings.add(binding);
      assertThat(admission.admit(request("CREATE", "apps", "Deployment", deployment)).getPatch())
          .isNull();
    }
  }

  @Test
  void onlyCreateAndUpdateOfTheMainResourceAreMutated() {
    bindings.add(
        resolved(binding("d", Reference.byName("apps/v1", "Deployment", "default", "d"), null)));
    String deployment = deployment("d", "{}", "[]");

    assertThat(admission.admit(request("DELETE", "apps", "Deployment", deployment)).getPatch())
        .isNull();
    assertThat(admission.admit(request("CONNECT", "apps", "Deployment", deployment)).getPatch())
        .isNull();
    AdmissionRequest status = request("UPDATE", "apps", "Deployment", deployment);
    status.setSubResource("status");
    assertThat(admission.admit(status).getPatch()).isNull();
    assertThat(admission.admit(request("UPDATE", "apps", "Deployment", deployment)).getPatch())
        .isNotNull();
  }

  @Test
  void aCronJobIsBoundInItsJobTemplate() {
    bindings.add(
        resolved(binding("c", Reference.byName("batch/v1", "CronJob", "default", "c"), null)));
    String cronJob =
        """
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c","namespace":"default"},
         "spec":{"schedule":"* * * * *","jobTemplate":{"spec":{"template":{"spec":{
          "containers":[{"name":"single","image":"heartbeats"}]}}}}}}
        """;

    JsonNode patched =
        apply(cronJob, admission.admit(request("CREATE", "batch", "CronJob", cronJob)));

    assertThat(
            patched.at("/spec/jobTemplate/spec/template/spec/containers/0/env/0/value").asString())
        .isEqualTo(SINK);
    assertThat(patched.at("/spec/template").isMissingNode()).isTrue();
  }

  @Test
  void servesAtUpstreamsPath() {
    assertThat(admission.path()).isEqualTo("/sinkbindings");
  }

  // ---- fixtures ----

  private static SinkBinding binding(
      String name, Reference subject, CloudEventOverrides overrides) {
    SinkBinding binding = new SinkBinding();
    binding.setMetadata(
        new ObjectMetaBuilder().withNamespace("default").withName(name).withGeneration(1L).build());
    binding.setSpec(new SinkBindingSpec(Destination.ofUri(SINK), overrides, subject, null));
    return binding;
  }

  private static SinkBinding resolved(SinkBinding binding) {
    binding.setStatus(status(binding, Condition.TRUE, SINK));
    return binding;
  }

  private static SinkBindingStatus status(
      SinkBinding binding, String sinkProvided, String sinkUri) {
    SinkBindingStatus status = new SinkBindingStatus();
    status.setObservedGeneration(binding.getMetadata().getGeneration());
    status.setSinkUri(sinkUri);
    status.setConditions(
        List.of(new Condition("SinkProvided", sinkProvided, "", null, null, null)));
    return status;
  }

  private static String job(String name, String labels, String env) {
    return """
        {"apiVersion":"batch/v1","kind":"Job",
         "metadata":{"name":"%s","namespace":"default","labels":%s},
         "spec":{"template":{"metadata":{"labels":{"app":"heartbeat-cron"}},"spec":{
          "restartPolicy":"Never",
          "initContainers":[{"name":"init","image":"busybox","env":%s}],
          "containers":[{"name":"single","image":"heartbeats",
            "resources":{"limits":{"cpu":"100m","memory":"1Gi"}},"env":%s}]}}}}
        """
        .formatted(name, labels, env, env);
  }

  private static String deployment(String name, String labels, String env) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"%s","namespace":"default","labels":%s},
         "spec":{"selector":{"matchLabels":{"app":"x"}},"template":{
          "metadata":{"labels":{"app":"x"}},
          "spec":{"containers":[{"name":"c","image":"img","env":%s}]}}}}
        """
        .formatted(name, labels, env);
  }

  private static AdmissionRequest request(
      String operation, String group, String kind, String json) {
    AdmissionRequest request = new AdmissionRequest();
    request.setUid("uid-1");
    request.setOperation(operation);
    request.setNamespace("default");
    request.setKind(new GroupVersionKind(group, kind, "v1"));
    request.setObject(SERIALIZATION.unmarshal(json));
    return request;
  }

  private static JsonNode apply(String json, AdmissionResponse response) {
    assertThat(response.getAllowed()).isTrue();
    assertThat(response.getPatch()).isNotNull();
    String patch =
        new String(Base64.getDecoder().decode(response.getPatch()), StandardCharsets.UTF_8);
    return JsonPatch.apply(JSON.readTree(patch), JSON.readTree(json));
  }
}
