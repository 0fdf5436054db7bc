package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInPrintersTest {

  private final TableRenderer renderer = TableRenderer.create(FixedClock.clock());

  private JsonNode table(String group, String kind, String plural, String objectJson) {
    return renderer.table(
        ResourceInfo.builtIn(group, "v1", kind, plural, true),
        List.of(Json.object(objectJson)),
        "9",
        null,
        false);
  }

  private static List<String> headers(JsonNode table) {
    return table.path("columnDefinitions").findValuesAsText("name");
  }

  /** Cells as JSON text (so 2 as an int and 2 as a long compare equal). */
  private static String cells(Object... values) {
    return Json.MAPPER.valueToTree(Arrays.asList(values)).toString();
  }

  private static final String META =
      "\"metadata\": {\"name\": \"x\", \"namespace\": \"default\","
          + " \"creationTimestamp\": \"2025-01-01T11:57:30Z\"}";

  @Test
  void servicePortsAndAddresses() {
    JsonNode table =
        table(
            "",
            "Service",
            "services",
            "{"
                + META
                + ", \"spec\": {\"type\": \"ClusterIP\", \"clusterIP\": \"10.96.0.12\","
                + " \"clusterIPs\": [\"10.96.0.12\"], \"selector\": {\"app\": \"event-display\"},"
                + " \"ports\": [{\"port\": 80, \"targetPort\": 8080, \"protocol\": \"TCP\"}]}}");
    assertThat(headers(table))
        .containsExactly("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "x", "ClusterIP", "10.96.0.12", "<none>", "80/TCP", "2m30s", "app=event-display"));
  }

  @Test
  void servicePortVariants() {
    assertThat(
            ServicePrinter.ports(
                List.of(
                    Json.object("{\"port\": 80, \"nodePort\": 30080, \"protocol\": \"TCP\"}"),
                    Json.object("{\"port\": 53, \"protocol\": \"UDP\"}"),
                    Json.object("{\"port\": 443}"))))
        .isEqualTo("80:30080/TCP,53/UDP,443/TCP");

    JsonNode loadBalancer =
        table(
            "",
            "Service",
            "services",
            "{"
                + META
                + ", \"spec\": {\"type\": \"LoadBalancer\", \"clusterIP\": \"10.0.0.1\"},"
                + " \"status\": {\"loadBalancer\": {}}}");
    assertThat(loadBalancer.at("/rows/0/cells/3").asText()).isEqualTo("<pending>");
    assertThat(loadBalancer.at("/rows/0/cells/4").asText()).isEqualTo("<none>");

    JsonNode external =
        table(
            "",
            "Service",
            "services",
            "{"
                + META
                + ", \"spec\": {\"type\": \"ExternalName\", \"externalName\": \"a.example\"}}");
    assertThat(external.at("/rows/0/cells/2").asText()).isEqualTo("<none>");
    assertThat(external.at("/rows/0/cells/3").asText()).isEqualTo("a.example");
  }

  @Test
  void deploymentAndReplicaSet() {
    String workload =
        "{"
            + META
            + ", \"spec\": {\"replicas\": 2, \"selector\": {\"matchLabels\": {\"app\": \"ed\"},"
            + " \"matchExpressions\": [{\"key\": \"tier\", \"operator\": \"In\","
            + " \"values\": [\"web\", \"api\"]}]},"
            + " \"template\": {\"spec\": {\"containers\": [{\"name\": \"display\","
            + " \"image\": \"gcr.io/knative-releases/event_display\"}, {\"name\": \"side\","
            + " \"image\": \"busybox\"}]}}},"
            + " \"status\": {\"replicas\": 2, \"readyReplicas\": 1, \"updatedReplicas\": 2,"
            + " \"availableReplicas\": 1}}";
    JsonNode deployment = table("apps", "Deployment", "deployments", workload);
    assertThat(headers(deployment))
        .containsExactly(
            "Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector");
    assertThat(deployment.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "x",
                "1/2",
                2,
                1,
                "2m30s",
                "display,side",
                "gcr.io/knative-releases/event_display,busybox",
                "app=ed,tier in (api,web)"));

    JsonNode replicaSet = table("apps", "ReplicaSet", "replicasets", workload);
    assertThat(headers(replicaSet))
        .containsExactly(
            "Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector");
    assertThat(replicaSet.at("/rows/0/cells").get(1).asLong()).isEqualTo(2);
    assertThat(replicaSet.at("/rows/0/cells").get(3).asLong()).isEqualTo(1);

    JsonNode defaulted = table("apps", "Deployment", "deployments", "{" + META + ", \"spec\": {}}");
    assertThat(defaulted.at("/rows/0/cells/1").asText()).isEqualTo("0/1");
    assertThat(defaulted.at("/rows/0/cells/7").asText()).isEmpty();
  }

  @Test
  void eventObjectIsKindSlashName() {
    JsonNode table =
        table(
            "",
            "Event",
            "events",
            """
            {"metadata": {"name": "busybox.17a", "namespace": "default"},
             "involvedObject": {"kind": "Pod", "name": "busybox", "fieldPath": "spec.containers{busybox}"},
             "reason": "Started", "message": "Started container busybox\\n", "type": "Normal",
             "source": {"component": "kubelet", "host": "local"},
             "firstTimestamp": "2025-01-01T11:50:00Z", "lastTimestamp": "2025-01-01T11:59:00Z",
             "count": 3}
            """);
    assertThat(headers(table))
        .containsExactly(
            "Last Seen",
            "Type",
            "Reason",
            "Object",
            "Subobject",
            "Source",
            "Message",
            "First Seen",
            "Count",
            "Name");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "60s",
                "Normal",
                "Started",
                "pod/busybox",
                "spec.containers{busybox}",
                "kubelet, local",
                "Started container busybox",
                "10m",
                3,
                "busybox.17a"));
  }

  @Test
  void eventsApiEventsUseTheirOwnFieldNames() {
    JsonNode table =
        table(
            "events.k8s.io",
            "Event",
            "events",
            """
            {"metadata": {"name": "e"}, "regarding": {"kind": "PingSource", "name": "p"},
             "note": "synced", "type": "Normal", "reason": "Synced",
             "eventTime": "2025-01-01T11:59:30.000000Z", "reportingController": "ping-controller"}
            """);
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "30s",
                "Normal",
                "Synced",
                "pingsource/p",
                "",
                "ping-controller",
                "synced",
                "30s",
                1,
                "e"));
  }

  @Test
  void jobStatusCompletionsAndDuration() {
    JsonNode complete =
        table(
            "batch",
            "Job",
            "jobs",
            "{"
                + META
                + ", \"spec\": {\"completions\": 1, \"template\": {\"spec\": {\"containers\": []}}},"
                + " \"status\": {\"succeeded\": 1, \"startTime\": \"2025-01-01T11:58:00Z\","
                + " \"completionTime\": \"2025-01-01T11:58:42Z\","
                + " \"conditions\": [{\"type\": \"Complete\", \"status\": \"True\"}]}}");
    assertThat(headers(complete))
        .containsExactly(
            "Name", "Status", "Completions", "Duration", "Age", "Containers", "Images", "Selector");
    assertThat(complete.at("/rows/0/cells").toString())
        .isEqualTo(cells("x", "Complete", "1/1", "42s", "2m30s", "", "", "<none>"));

    JsonNode running =
        table(
            "batch",
            "Job",
            "jobs",
            "{"
                + META
                + ", \"spec\": {\"parallelism\": 3},"
                + " \"status\": {\"startTime\": \"2025-01-01T11:58:00Z\","
                + " \"conditions\": [{\"type\": \"Failed\", \"status\": \"False\"}]}}");
    assertThat(running.at("/rows/0/cells/1").asText()).isEqualTo("Running");
    assertThat(running.at("/rows/0/cells/2").asText()).isEqualTo("0/1 of 3");
    assertThat(running.at("/rows/0/cells/3").asText()).isEqualTo("2m");
  }

  @Test
  void cronJobColumns() {
    JsonNode table =
        table(
            "batch",
            "CronJob",
            "cronjobs",
            "{"
                + META
                + ", \"spec\": {\"schedule\": \"*/1 * * * *\", \"suspend\": false,"
                + " \"jobTemplate\": {\"spec\": {\"template\": {\"spec\": {\"containers\":"
                + " [{\"name\": \"heartbeats\", \"image\": \"heartbeats\"}]}}}}},"
                + " \"status\": {\"active\": [{\"name\": \"j\"}],"
                + " \"lastScheduleTime\": \"2025-01-01T11:59:00Z\"}}");
    assertThat(headers(table))
        .containsExactly(
            "Name",
            "Schedule",
            "Timezone",
            "Suspend",
            "Active",
            "Last Schedule",
            "Age",
            "Containers",
            "Images",
            "Selector");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "x",
                "*/1 * * * *",
                "<none>",
                "False",
                1,
                "60s",
                "2m30s",
                "heartbeats",
                "heartbeats",
                "<none>"));
  }

  @Test
  void countsForConfigMapsSecretsAndServiceAccounts() {
    JsonNode configMap =
        table(
            "",
            "ConfigMap",
            "configmaps",
            "{"
                + META
                + ", \"data\": {\"a\": \"1\", \"b\": \"2\"}, \"binaryData\": {\"c\": \"AA==\"}}");
    assertThat(configMap.at("/rows/0/cells").toString()).isEqualTo(cells("x", 3, "2m30s"));

    JsonNode secret =
        table(
            "",
            "Secret",
            "secrets",
            "{" + META + ", \"type\": \"Opaque\", \"data\": {\"k\": \"dg==\"}}");
    assertThat(headers(secret)).containsExactly("Name", "Type", "Data", "Age");
    assertThat(secret.at("/rows/0/cells").toString()).isEqualTo(cells("x", "Opaque", 1, "2m30s"));

    JsonNode account = table("", "ServiceAccount", "serviceaccounts", "{" + META + "}");
    assertThat(account.at("/rows/0/cells").toString()).isEqualTo(cells("x", 0, "2m30s"));

    JsonNode namespace =
        table("", "Namespace", "namespaces", "{" + META + ", \"status\": {\"phase\": \"Active\"}}");
    assertThat(namespace.at("/rows/0/cells").toString()).isEqualTo(cells("x", "Active", "2m30s"));
  }

  @Test
  void endpointsListUpToThreeAddresses() {
    JsonNode table =
        table(
            "",
            "Endpoints",
            "endpoints",
            "{"
                + META
                + ", \"subsets\": [{\"addresses\": [{\"ip\": \"127.0.0.2\"}, {\"ip\": \"127.0.0.3\"},"
                + " {\"ip\": \"::1\"}, {\"ip\": \"127.0.0.5\"}], \"ports\": [{\"port\": 8080}]}]}");
    assertThat(table.at("/rows/0/cells/1").asText())
        .isEqualTo("127.0.0.2:8080,127.0.0.3:8080,[::1]:8080 + 1 more...");

    JsonNode empty = table("", "Endpoints", "endpoints", "{" + META + "}");
    assertThat(empty.at("/rows/0/cells/1").asText()).isEqualTo("<none>");
  }

  @Test
  void roleBindingsNameTheRoleAndSubjects() {
    JsonNode table =
        table(
            "rbac.authorization.k8s.io",
            "ClusterRoleBinding",
            "clusterrolebindings",
            "{"
                + META
                + ", \"roleRef\": {\"kind\": \"ClusterRole\", \"name\": \"event-watcher\"},"
                + " \"subjects\": [{\"kind\": \"ServiceAccount\", \"name\": \"events-sa\","
                + " \"namespace\": \"default\"}, {\"kind\": \"User\", \"name\": \"alice\"},"
                + " {\"kind\": \"User\", \"name\": \"bob\"}]}");
    assertThat(headers(table))
        .containsExactly("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts");
    assertThat(table.at("/rows/0/cells").toString())
        .isEqualTo(
            cells(
                "x", "ClusterRole/event-watcher", "2m30s", "alice, bob", "", "default/events-sa"));
  }

  @Test
  void kindsWithoutAPrinterShowNameAndCreatedAt() {
    JsonNode clusterRole =
        table(
            "rbac.authorization.k8s.io",
            "ClusterRole",
            "clusterroles",
            "{\"metadata\": {\"name\": \"event-watcher\","
                + " \"creationTimestamp\": \"2025-01-01T11:57:30.5+01:00\"}}");
    assertThat(headers(clusterRole)).containsExactly("Name", "Created At");
    assertThat(clusterRole.at("/columnDefinitions/0/format").asText()).isEqualTo("name");
    assertThat(clusterRole.at("/columnDefinitions/1/type").asText()).isEqualTo("date");
    assertThat(clusterRole.at("/rows/0/cells").toString())
        .isEqualTo(cells("event-watcher", "2025-01-01T10:57:30Z"));

    JsonNode noTimestamp =
        table(
            "apiextensions.k8s.io",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "{\"metadata\": {\"name\": \"pingsources.sources.knative.dev\"}}");
    assertThat(noTimestamp.at("/rows/0/cells/1").asText()).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void everyBuiltInRowHasOneCellPerColumn() {
    ObjectNode empty = Json.object("{\"metadata\": {\"name\": \"bare\"}}");
    String[][] kinds = {
      {"", "Pod"},
      {"", "Service"},
      {"", "Endpoints"},
      {"", "Namespace"},
      {"", "ConfigMap"},
      {"", "Secret"},
      {"", "ServiceAccount"},
      {"", "Event"},
      {"events.k8s.io", "Event"},
      {"apps", "Deployment"},
      {"apps", "ReplicaSet"},
      {"apps", "StatefulSet"},
      {"apps", "DaemonSet"},
      {"batch", "Job"},
      {"batch", "CronJob"},
      {"coordination.k8s.io", "Lease"},
      {"admissionregistration.k8s.io", "MutatingWebhookConfiguration"},
      {"admissionregistration.k8s.io", "ValidatingWebhookConfiguration"},
      {"rbac.authorization.k8s.io", "RoleBinding"},
      {"rbac.authorization.k8s.io", "Role"},
      {"example.com", "Unknown"},
    };
    for (String[] kind : kinds) {
      JsonNode table =
          renderer.table(
              ResourceInfo.builtIn(kind[0], "v1", kind[1], "things", true),
              List.of(empty),
              "1",
              null,
              false);
      assertThat(table.at("/rows/0/cells").size())
          .as(kind[0] + "/" + kind[1])
          .isEqualTo(table.get("columnDefinitions").size());
      assertThat(table.get("columnDefinitions").findValuesAsText("format"))
          .as(kind[0] + "/" + kind[1] + " has a name column")
          .contains("name");
    }
  }
}
