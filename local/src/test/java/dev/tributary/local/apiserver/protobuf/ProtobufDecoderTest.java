package dev.tributary.local.apiserver.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta.FieldsV1;
import io.kubernetes.client.proto.Meta.ManagedFieldsEntry;
import io.kubernetes.client.proto.Meta.MicroTime;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime.RawExtension;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Rbac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProtobufDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProtobufDecoder decoder = new ProtobufDecoder(BuiltinResources::all, JSON);

  /** What kubectl's typed client sends: the magic, then runtime.Unknown around the object. */
  private static byte[] body(String apiVersion, String kind, Message object) {
    return body(apiVersion, kind, object.toByteString());
  }

  private static byte[] body(String apiVersion, String kind, ByteString raw) {
    Unknown envelope =
        Unknown.newBuilder()
            .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
            .setRaw(raw)
            .setContentEncoding("")
            .setContentType("")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(envelope.toByteArray());
    return out.toByteArray();
  }

  /** ObjectMeta as Go's encoder writes it: every non-pointer field, empty or not. */
  private static ObjectMeta.Builder meta(String name) {
    return ObjectMeta.newBuilder()
        .setName(name)
        .setGenerateName("")
        .setNamespace("")
        .setSelfLink("")
        .setUid("")
        .setResourceVersion("")
        .setGeneration(0)
        .setCreationTimestamp(Time.getDefaultInstance());
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void configMapKeepsDataAndBinaryDataAndDropsGoZeroStrings() throws Exception {
    V1.ConfigMap configMap =
        V1.ConfigMap.newBuilder()
            .setMetadata(meta("foo").putLabels("app", "demo").putAnnotations("note", ""))
            .putData("a", "b")
            .putData("empty", "")
            .putBinaryData("bin", ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0xff}))
            .build();

    ObjectNode json = decoder.decode(body("v1", "ConfigMap", configMap), null);

    assertThat(json)
        .isEqualTo(
            tree(
                """
                {"apiVersion":"v1","kind":"ConfigMap",
                 "metadata":{"name":"foo","labels":{"app":"demo"},"annotations":{"note":""}},
                 "data":{"a":"b","empty":""},
                 "binaryData":{"bin":"AAEC/w=="}}
                """));
  }

  @Test
  void secretBytesAreBase64AndStringDataStaysText() throws Exception {
    V1.Secret secret =
        V1.Secret.newBuilder()
            .setMetadata(meta("s").setNamespace("team"))
            .putData("password", ByteString.copyFromUtf8("s3cr=t"))
            .putData("empty", ByteString.EMPTY)
            .putStringData("plain", "text")
            .setType("Opaque")
            .setImmutable(false)
            .build();

    ObjectNode json = decoder.decode(body("v1", "Secret", secret), null);

    assertThat(json.path("data")).isEqualTo(tree("{\"password\":\"czNjcj10\",\"empty\":\"\"}"));
    assertThat(json.path("stringData")).isEqualTo(tree("{\"plain\":\"text\"}"));
    assertThat(json.path("type").asText()).isEqualTo("Opaque");
    assertThat(json.path("metadata").path("namespace").asText()).isEqualTo("team");
    // A pointer sent as false means false.
    assertThat(json.path("immutable").isBoolean()).isTrue();
    assertThat(json.path("immutable").asBoolean()).isFalse();
  }

  @Test
  void deploymentWithIntOrStringQuantitiesAndInlinedStructs() throws Exception {
    V1.Container container =
        V1.Container.newBuilder()
            .setName("web")
            .setImage("nginx")
            .setImagePullPolicy("IfNotPresent")
            .setTerminationMessagePath("")
            .setStdin(false)
            .addPorts(
                V1.ContainerPort.newBuilder()
                    .setContainerPort(8080)
                    .setHostPort(0)
                    .setName("")
                    .setProtocol("TCP"))
            .setResources(
                V1.ResourceRequirements.newBuilder()
                    .putLimits("cpu", Quantity.newBuilder().setString("500m").build())
                    .putRequests("memory", Quantity.newBuilder().setString("128Mi").build()))
            .setReadinessProbe(
                V1.Probe.newBuilder()
                    .setHandler(
                        V1.ProbeHandler.newBuilder()
                            .setHttpGet(
                                V1.HTTPGetAction.newBuilder()
                                    .setPath("/healthz")
                                    .setPort(
                                        IntOrString.newBuilder().setType(1).setStrVal("http"))))
                    .setPeriodSeconds(5))
            .addVolumeMounts(V1.VolumeMount.newBuilder().setName("conf").setMountPath("/etc/c"))
            .build();
    V1.Volume volume =
        V1.Volume.newBuilder()
            .setName("conf")
            .setVolumeSource(
                V1.VolumeSource.newBuilder()
                    .setConfigMap(
                        V1.ConfigMapVolumeSource.newBuilder()
                            .setLocalObjectReference(
                                V1.LocalObjectReference.newBuilder().setName("settings"))
                            .setDefaultMode(420)))
            .build();
    V1Apps.Deployment deployment =
        V1Apps.Deployment.newBuilder()
            .setMetadata(meta("d").putLabels("app", "d"))
            .setSpec(
                V1Apps.DeploymentSpec.newBuilder()
                    .setReplicas(0)
                    .setSelector(
                        io.kubernetes.client.proto.Meta.LabelSelector.newBuilder()
                            .putMatchLabels("app", "d"))
                    .setStrategy(
                        V1Apps.DeploymentStrategy.newBuilder()
                            .setType("RollingUpdate")
                            .setRollingUpdate(
                                V1Apps.RollingUpdateDeployment.newBuilder()
                                    .setMaxSurge(
                                        IntOrString.newBuilder().setType(1).setStrVal("25%"))
                                    .setMaxUnavailable(
                                        IntOrString.newBuilder().setType(0).setIntVal(0))))
                    .setTemplate(
                        V1.PodTemplateSpec.newBuilder()
                            .setMetadata(meta("").putLabels("app", "d"))
                            .setSpec(
                                V1.PodSpec.newBuilder()
                                    .addContainers(container)
                                    .addVolumes(volume))))
            .setStatus(V1Apps.DeploymentStatus.getDefaultInstance())
            .build();

    ObjectNode json = decoder.decode(body("apps/v1", "Deployment", deployment), null);

    JsonNode spec = json.path("spec");
    assertThat(spec.path("replicas").isInt()).isTrue();
    assertThat(spec.path("replicas").asInt(-1)).isZero();
    assertThat(spec.path("strategy"))
        .isEqualTo(
            tree(
                """
                {"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":0}}
                """));
    assertThat(spec.path("template").path("metadata"))
        .isEqualTo(tree("{\"labels\":{\"app\":\"d\"}}"));
    assertThat(spec.path("template").path("spec").path("containers").get(0))
        .isEqualTo(
            tree(
                """
                {"name":"web","image":"nginx",
                 "ports":[{"containerPort":8080,"protocol":"TCP"}],
                 "resources":{"limits":{"cpu":"500m"},"requests":{"memory":"128Mi"}},
                 "volumeMounts":[{"name":"conf","mountPath":"/etc/c"}],
                 "readinessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5},
                 "imagePullPolicy":"IfNotPresent"}
                """));
    assertThat(spec.path("template").path("spec").path("volumes"))
        .isEqualTo(
            tree(
                "[{\"name\":\"conf\",\"configMap\":{\"name\":\"settings\",\"defaultMode\":420}}]"));
    assertThat(json.path("status")).isEqualTo(tree("{}"));
  }

  @Test
  void zeroScalarsAreKeptWhereGoJsonKeepsThem() throws Exception {
    V1.Service service =
        V1.Service.newBuilder()
            .setMetadata(meta("svc"))
            .setSpec(
                V1.ServiceSpec.newBuilder()
                    .setType("ClusterIP")
                    .setPublishNotReadyAddresses(false)
                    .addPorts(
                        V1.ServicePort.newBuilder()
                            .setName("")
                            .setProtocol("TCP")
                            .setPort(0)
                            .setNodePort(0)
                            .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(8080))))
            .build();

    ObjectNode json = decoder.decode(body("v1", "Service", service), null);

    // port has no omitempty (kept); nodePort and publishNotReadyAddresses do (dropped).
    assertThat(json.path("spec"))
        .isEqualTo(
            tree(
                """
                {"ports":[{"protocol":"TCP","port":0,"targetPort":8080}],"type":"ClusterIP"}
                """));
    assertThat(json.path("metadata")).isEqualTo(tree("{\"name\":\"svc\"}"));
  }

  @Test
  void webhookConfigurationsUseTheirJsonNamesAndInlineTheirRules() throws Exception {
    V1Admissionregistration.ValidatingWebhookConfiguration configuration =
        V1Admissionregistration.ValidatingWebhookConfiguration.newBuilder()
            .setMetadata(meta("guard"))
            .addWebhooks(
                V1Admissionregistration.ValidatingWebhook.newBuilder()
                    .setName("guard.example.com")
                    .setClientConfig(
                        V1Admissionregistration.WebhookClientConfig.newBuilder()
                            .setCaBundle(ByteString.copyFromUtf8("ca"))
                            .setService(
                                V1Admissionregistration.ServiceReference.newBuilder()
                                    .setNamespace("default")
                                    .setName("guard")
                                    .setPort(443)))
                    .addRules(
                        V1Admissionregistration.RuleWithOperations.newBuilder()
                            .addOperations("CREATE")
                            .setRule(
                                V1Admissionregistration.Rule.newBuilder()
                                    .addApiGroups("")
                                    .addApiVersions("v1")
                                    .addResources("pods")))
                    .setSideEffects("None")
                    .addAdmissionReviewVersions("v1"))
            .build();

    ObjectNode json =
        decoder.decode(
            body(
                "admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", configuration),
            null);

    assertThat(json.path("webhooks"))
        .isEqualTo(
            tree(
                """
                [{"name":"guard.example.com",
                  "clientConfig":{"service":{"namespace":"default","name":"guard","port":443},
                                  "caBundle":"Y2E="},
                  "rules":[{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],
                            "resources":["pods"]}],
                  "sideEffects":"None",
                  "admissionReviewVersions":["v1"]}]
                """));
  }

  @Test
  void timesAreRfc3339InUtcAndMicroTimesCarrySixDigits() throws Exception {
    Instant created = Instant.parse("2024-05-01T10:20:30.123456789Z");
    V1.Pod pod =
        V1.Pod.newBuilder()
            .setMetadata(
                meta("p")
                    .setCreationTimestamp(
                        Time.newBuilder()
                            .setSeconds(created.getEpochSecond())
                            .setNanos(created.getNano()))
                    .addManagedFields(
                        ManagedFieldsEntry.newBuilder()
                            .setManager("kubectl")
                            .setOperation("Update")
                            .setTime(Time.newBuilder().setSeconds(created.getEpochSecond()))
                            .setFieldsType("FieldsV1")
                            .setFieldsV1(
                                FieldsV1.newBuilder()
                                    .setRaw(ByteString.copyFromUtf8("{\"f:data\":{}}")))))
            .setSpec(
                V1.PodSpec.newBuilder()
                    .addContainers(V1.Container.newBuilder().setName("c").setImage("busybox")))
            .build();
    V1.Event event =
        V1.Event.newBuilder()
            .setMetadata(meta("e"))
            .setEventTime(
                MicroTime.newBuilder().setSeconds(created.getEpochSecond()).setNanos(5000))
            .setInvolvedObject(V1.ObjectReference.newBuilder().setKind("Pod").setName("p"))
            .build();

    ObjectNode podJson = decoder.decode(body("v1", "Pod", pod), null);
    ObjectNode eventJson = decoder.decode(body("v1", "Event", event), null);

    assertThat(podJson.path("metadata").path("creationTimestamp").asText())
        .isEqualTo("2024-05-01T10:20:30Z");
    assertThat(podJson.path("metadata").path("managedFields"))
        .isEqualTo(
            tree(
                """
                [{"manager":"kubectl","operation":"Update","time":"2024-05-01T10:20:30Z",
                  "fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]
                """));
    assertThat(eventJson.path("eventTime").asText()).isEqualTo("2024-05-01T10:20:30.000005Z");
    assertThat(eventJson.path("metadata").has("creationTimestamp")).isFalse();
  }

  @Test
  void jobAndCronJob() throws Exception {
    V1.PodTemplateSpec template =
        V1.PodTemplateSpec.newBuilder()
            .setMetadata(meta(""))
            .setSpec(
                V1.PodSpec.newBuilder()
                    .setRestartPolicy("OnFailure")
                    .addContainers(
                        V1.Container.newBuilder()
                            .setName("j")
                            .setImage("busybox")
                            .addCommand("date")))
            .build();
    V1Batch.Job job =
        V1Batch.Job.newBuilder()
            .setMetadata(meta("j"))
            .setSpec(V1Batch.JobSpec.newBuilder().setBackoffLimit(0).setTemplate(template))
            .build();
    V1Batch.CronJob cronJob =
        V1Batch.CronJob.newBuilder()
            .setMetadata(meta("cj"))
            .setSpec(
                V1Batch.CronJobSpec.newBuilder()
                    .setSchedule("*/5 * * * *")
                    .setSuspend(false)
                    .setSuccessfulJobsHistoryLimit(3)
                    .setJobTemplate(
                        V1Batch.JobTemplateSpec.newBuilder()
                            .setMetadata(meta("cj"))
                            .setSpec(V1Batch.JobSpec.newBuilder().setTemplate(template))))
            .build();

    ObjectNode jobJson = decoder.decode(body("batch/v1", "Job", job), null);
    ObjectNode cronJson = decoder.decode(body("batch/v1", "CronJob", cronJob), null);

    assertThat(jobJson.path("kind").asText()).isEqualTo("Job");
    assertThat(jobJson.path("spec").path("backoffLimit").asInt(-1)).isZero();
    assertThat(jobJson.path("spec").path("template").path("spec"))
        .isEqualTo(
            tree(
                """
                {"containers":[{"name":"j","image":"busybox","command":["date"]}],
                 "restartPolicy":"OnFailure"}
                """));
    assertThat(cronJson.path("spec").path("schedule").asText()).isEqualTo("*/5 * * * *");
    assertThat(cronJson.path("spec").path("suspend").asBoolean(true)).isFalse();
    assertThat(cronJson.path("spec").path("successfulJobsHistoryLimit").asInt()).isEqualTo(3);
    assertThat(
            cronJson
                .path("spec")
                .path("jobTemplate")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("image")
                .asText())
        .isEqualTo("busybox");
  }

  @Test
  void clusterRoleBindingSubjects() throws Exception {
    V1Rbac.ClusterRoleBinding binding =
        V1Rbac.ClusterRoleBinding.newBuilder()
            .setMetadata(meta("crb"))
            .addSubjects(
                V1Rbac.Subject.newBuilder()
                    .setKind("User")
                    .setApiGroup("rbac.authorization.k8s.io")
                    .setName("bob")
                    .setNamespace(""))
            .addSubjects(
                V1Rbac.Subject.newBuilder()
                    .setKind("ServiceAccount")
                    .setApiGroup("")
                    .setName("builder")
                    .setNamespace("ci"))
            .setRoleRef(
                V1Rbac.RoleRef.newBuilder()
                    .setApiGroup("rbac.authorization.k8s.io")
                    .setKind("ClusterRole")
                    .setName("view"))
            .build();

    ObjectNode json =
        decoder.decode(body("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", binding), null);

    assertThat(json)
        .isEqualTo(
            tree(
                """
                {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding",
                 "metadata":{"name":"crb"},
                 "subjects":[
                   {"kind":"User","apiGroup":"rbac.authorization.k8s.io","name":"bob"},
                   {"kind":"ServiceAccount","name":"builder","namespace":"ci"}],
                 "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}}
                """));
  }

  @Test
  void accessReviewsWithExtraValuesAsArrays() throws Exception {
    V1Authorization.SelfSubjectAccessReview self =
        V1Authorization.SelfSubjectAccessReview.newBuilder()
            .setMetadata(meta(""))
            .setSpec(
                V1Authorization.SelfSubjectAccessReviewSpec.newBuilder()
                    .setResourceAttributes(
                        V1Authorization.ResourceAttributes.newBuilder()
                            .setNamespace("default")
                            .setVerb("list")
                            .setGroup("")
                            .setResource("events")
                            .setName("")))
            .build();
    V1Authorization.SubjectAccessReview subject =
        V1Authorization.SubjectAccessReview.newBuilder()
            .setSpec(
                V1Authorization.SubjectAccessReviewSpec.newBuilder()
                    .setNonResourceAttributes(
                        V1Authorization.NonResourceAttributes.newBuilder()
                            .setPath("/healthz")
                            .setVerb("get"))
                    .setUser("alice")
                    .addGroups("devs")
                    .addGroups("ops")
                    .putExtra(
                        "scopes",
                        V1Authorization.ExtraValue.newBuilder()
                            .addItems("a")
                            .addItems("b")
                            .build()))
            .build();

    ObjectNode selfJson =
        decoder.decode(body("authorization.k8s.io/v1", "SelfSubjectAccessReview", self), null);
    ObjectNode subjectJson =
        decoder.decode(body("authorization.k8s.io/v1", "SubjectAccessReview", subject), null);

    assertThat(selfJson.path("spec"))
        .isEqualTo(
            tree(
                """
                {"resourceAttributes":{"namespace":"default","verb":"list","resource":"events"}}
                """));
    assertThat(subjectJson.path("spec"))
        .isEqualTo(
            tree(
                """
                {"nonResourceAttributes":{"path":"/healthz","verb":"get"},
                 "user":"alice","groups":["devs","ops"],"extra":{"scopes":["a","b"]}}
                """));
  }

  @Test
  void rawExtensionsHoldJsonOrNestedProtobuf() throws Exception {
    ResourceType revisions =
        new ResourceType(
            "apps",
            "v1",
            "ControllerRevision",
            "controllerrevisions",
            "controllerrevision",
            true,
            ResourceType.ALL_VERBS,
            List.of(),
            List.of(),
            List.of(),
            "v1",
            null);
    List<ResourceType> kinds = new ArrayList<>(BuiltinResources.all());
    kinds.add(revisions);
    ProtobufDecoder withRevisions = new ProtobufDecoder(() -> kinds, JSON);
    V1Apps.ControllerRevision json =
        V1Apps.ControllerRevision.newBuilder()
            .setMetadata(meta("r1"))
            .setRevision(2)
            .setData(RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("{\"spec\":[1,2]}")))
            .build();
    byte[] nested = body("v1", "ConfigMap", V1.ConfigMap.newBuilder().putData("k", "v").build());
    V1Apps.ControllerRevision protobuf =
        json.toBuilder()
            .setData(RawExtension.newBuilder().setRaw(ByteString.copyFrom(nested)))
            .build();
    V1Apps.ControllerRevision garbage =
        json.toBuilder()
            .setData(RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("not json")))
            .build();

    assertThat(withRevisions.decode(body("apps/v1", "ControllerRevision", json), null).path("data"))
        .isEqualTo(tree("{\"spec\":[1,2]}"));
    assertThat(
            withRevisions
                .decode(body("apps/v1", "ControllerRevision", protobuf), null)
                .path("data"))
        .isEqualTo(tree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"k\":\"v\"}}"));
    assertThat(
            withRevisions
                .decode(body("apps/v1", "ControllerRevision", json), null)
                .path("revision")
                .isIntegralNumber())
        .isTrue();
    assertThatThrownBy(
            () -> withRevisions.decode(body("apps/v1", "ControllerRevision", garbage), null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).contains("ControllerRevision");
            });
    // The built-in kinds alone have no ControllerRevision.
    assertThatThrownBy(() -> decoder.decode(body("apps/v1", "ControllerRevision", json), null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
  }

  @Test
  void aMissingKindIsTakenFromTheAddressedResource() throws Exception {
    ResourceType configMaps =
        BuiltinResources.all().stream()
            .filter(t -> t.kind().equals("ConfigMap"))
            .findFirst()
            .orElseThrow();
    byte[] body = body("", "", V1.ConfigMap.newBuilder().setMetadata(meta("x")).build());

    ObjectNode json = decoder.decode(body, configMaps);

    assertThat(json.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(json.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(json.path("metadata").path("name").asText()).isEqualTo("x");
  }

  @Test
  void kindsWithoutAProtobufFormAre415() {
    byte[] lease = body("coordination.k8s.io/v1", "Lease", meta("l").build());
    byte[] custom = body("sources.knative.dev/v1", "PingSource", meta("p").build());

    for (byte[] body : List.of(lease, custom)) {
      assertThatThrownBy(() -> decoder.decode(body, null))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(415);
                assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
                assertThat(e.getMessage()).contains("application/json");
              });
    }
  }

  @Test
  void malformedBodiesAre400() throws Exception {
    byte[] notProtobuf = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] truncatedEnvelope = {'k', '8', 's', 0, 0x12, 0x7f};
    byte[] good = body("v1", "ConfigMap", V1.ConfigMap.newBuilder().setMetadata(meta("x")).build());
    // A raw object whose first field claims more bytes than there are.
    Unknown broken =
        Unknown.newBuilder()
            .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
            .setRaw(ByteString.copyFrom(new byte[] {0x0a, 0x40, 0x0a}))
            .build();
    byte[] truncatedObject = new byte[4 + broken.getSerializedSize()];
    System.arraycopy(new byte[] {'k', '8', 's', 0}, 0, truncatedObject, 0, 4);
    System.arraycopy(broken.toByteArray(), 0, truncatedObject, 4, broken.getSerializedSize());
    Unknown encoded =
        Unknown.parseFrom(java.util.Arrays.copyOfRange(good, 4, good.length)).toBuilder()
            .setContentEncoding("gzip")
            .build();
    byte[] gzip = new byte[4 + encoded.getSerializedSize()];
    System.arraycopy(new byte[] {'k', '8', 's', 0}, 0, gzip, 0, 4);
    System.arraycopy(encoded.toByteArray(), 0, gzip, 4, encoded.getSerializedSize());

    for (byte[] body : List.of(notProtobuf, truncatedEnvelope, truncatedObject, gzip)) {
      assertThatThrownBy(() -> decoder.decode(body, null))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.reason()).isEqualTo("BadRequest");
              });
    }
  }

  @Test
  void theKindsAreListedOnceAndOnlyWhenTheFirstBodyArrives() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    ProtobufDecoder counting =
        new ProtobufDecoder(
            () -> {
              asked.incrementAndGet();
              return BuiltinResources.all();
            },
            JSON);
    assertThat(asked).hasValue(0);

    byte[] body = body("v1", "Namespace", V1.Namespace.newBuilder().setMetadata(meta("x")).build());
    counting.decode(body, null);
    counting.decode(body, null);

    assertThat(asked).hasValue(1);
  }

  @Test
  void everyBuiltInKindWithADescriptorDecodes() {
    List<String> missing = new ArrayList<>();
    for (ResourceType type : BuiltinResources.all()) {
      // Every kind's field 1 is its ObjectMeta.
      ByteString metadata = meta("x").build().toByteString();
      ByteString raw =
          ByteString.copyFrom(new byte[] {0x0a, (byte) metadata.size()}).concat(metadata);
      byte[] body = body(type.apiVersion(), type.kind(), raw);
      try {
        ObjectNode json = decoder.decode(body, null);
        assertThat(json.path("metadata").path("name").asText()).as(type.kind()).isEqualTo("x");
      } catch (ApiException e) {
        assertThat(e.code()).as(type.kind() + ": " + e.getMessage()).isEqualTo(415);
        missing.add(type.apiVersion() + "/" + type.kind());
      }
    }
    // What client-java-proto has no message for; everything kubectl creates is covered.
    assertThat(missing)
        .containsExactlyInAnyOrder(
            "events.k8s.io/v1/Event",
            "coordination.k8s.io/v1/Lease",
            "apiextensions.k8s.io/v1/CustomResourceDefinition");
    assertThat(missing.toString().toLowerCase(Locale.ROOT)).doesNotContain("configmap");
  }
}
