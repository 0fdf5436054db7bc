package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsTheControlPlanePodsAndServicesInKubectlsColumns() throws Exception {
    ServerTable deployments =
        table(
            List.of("Name", "Ready", "Up-to-date", "Available", "Age", "Containers"),
            row("knative-eventing", "eventing-webhook", "1/1", 1, 1, "3m", "webhook"),
            row("knative-eventing", "eventing-controller", "0/1", 1, 0, "3m", "controller"));
    ServerTable pods =
        table(
            List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node"),
            row(
                "knative-eventing",
                "eventing-webhook-5d9f-x2k4q",
                "1/1",
                "Running",
                "0",
                "3m",
                "127.23.0.2",
                "tributary"),
            row(
                "default",
                "event-display-7c4b-abcde",
                "0/1",
                "ContainerCreating",
                "0",
                "2s",
                "<none>",
                "tributary"));
    ServerTable services =
        table(
            List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age"),
            row("default", "kubernetes", "ClusterIP", "127.96.0.1", "<none>", "443/TCP", "3m"));

    assertThat(StatusReport.render(deployments, pods, services))
        .isEqualTo(
            """
            Knative control plane (namespace knative-eventing):
            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
            eventing-controller   0/1     1            0           3m
            eventing-webhook      1/1     1            1           3m

            Pods:
            NAMESPACE          NAME                          READY   STATUS              RESTARTS   AGE   IP
            default            event-display-7c4b-abcde      0/1     ContainerCreating   0          2s    <none>
            knative-eventing   eventing-webhook-5d9f-x2k4q   1/1     Running             0          3m    127.23.0.2

            Services:
            NAMESPACE   NAME         TYPE        CLUSTER-IP   PORT(S)
            default     kubernetes   ClusterIP   127.96.0.1   443/TCP
            """);
  }

  @Test
  void saysWhenThereIsNothing() throws Exception {
    ServerTable empty = table(List.of("Name"));

    assertThat(StatusReport.render(empty, empty, empty))
        .isEqualTo(
            """
            Knative control plane (namespace knative-eventing): not installed (tributary up --no-release?)

            Pods: none

            Services: none
            """);
  }

  @Test
  void aPlainListIsNoTable() throws Exception {
    assertThatThrownBy(
            () -> ServerTable.parse(JSON.readTree("{\"kind\":\"PodList\",\"items\":[]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the API server answered a PodList, not a Table");
  }

  /** A Table as the API server writes it, rows with their metadata (includeObject=Metadata). */
  private static ServerTable table(List<String> columns, Object[]... rows) throws Exception {
    var table = JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    var definitions = table.putArray("columnDefinitions");
    columns.forEach(c -> definitions.addObject().put("name", c).put("type", "string"));
    var rowsJson = table.putArray("rows");
    for (Object[] row : rows) {
      var rowJson = rowsJson.addObject();
      var cells = rowJson.putArray("cells");
      for (int i = 1; i < row.length; i++) {
        cells.addPOJO(row[i]);
      }
      rowJson
          .putObject("object")
          .put("kind", "PartialObjectMetadata")
          .putObject("metadata")
          .put("namespace", (String) row[0])
          .put("name", (String) row[1]);
    }
    return ServerTable.parse(JSON.readTree(JSON.writeValueAsString(table)));
  }

  private static Object[] row(Object... namespaceThenCells) {
    return namespaceThenCells;
  }
}
