package dev.tributary.local.apiserver.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl prints our Tables as it prints a real cluster's: columns, wide columns, the
 * NAMESPACE column of {@code -A} and {@code --show-labels} from row objects, kind prefixes for
 * categories, {@code --sort-by} over {@code includeObject=Object}, and one header for a Table
 * watch. The server here is a stub that serves discovery and hands every list to the renderer.
 */
class KubectlTableIT {

  private static final String VERSION =
      "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\","
          + "\"gitCommit\":\"0000000000000000000000000000000000000000\",\"gitTreeState\":\"clean\","
          + "\"buildDate\":\"2025-01-01T00:00:00Z\",\"goVersion\":\"go1.23.0\",\"compiler\":\"gc\","
          + "\"platform\":\"linux/amd64\"}";

  private static final String CORE_RESOURCES =
      """
      {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[
       {"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","shortNames":["po"],
        "verbs":["get","list","watch"],"categories":["all"]},
       {"name":"events","singularName":"event","namespaced":true,"kind":"Event","shortNames":["ev"],
        "verbs":["get","list","watch"]}]}
      """;

  private static final String SOURCES_RESOURCES =
      """
      {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"sources.knative.dev/v1","resources":[
       {"name":"pingsources","singularName":"pingsource","namespaced":true,"kind":"PingSource",
        "verbs":["get","list","watch"],"categories":["all","knative","sources"]}]}
      """;

  private static final ResourceInfo PODS = ResourceInfo.builtIn("", "v1", "Pod", "pods", true);
  private static final ResourceInfo EVENTS =
      ResourceInfo.builtIn("", "v1", "Event", "events", true);
  private static final ResourceInfo PING_SOURCES =
      new ResourceInfo(
          "sources.knative.dev",
          "v1",
          "PingSource",
          "pingsources",
          true,
          List.of(
              new PrinterColumn("Sink", "string", "", "", 0, ".status.sinkUri"),
              new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp"),
              new PrinterColumn(
                  "Ready", "string", "", "", 0, ".status.conditions[?(@.type=='Ready')].status"),
              new PrinterColumn(
                  "Reason",
                  "string",
                  "",
                  "",
                  0,
                  ".status.conditions[?(@.type==\"Ready\")].reason")));

  @TempDir Path temp;

  private final Vertx vertx = Vertx.vertx();
  private final TableRenderer renderer = TableRenderer.create(FixedClock.clock());
  private final Queue<String> tableRequests = new ConcurrentLinkedQueue<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not installed");
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(this::handle)
            .listen()
            .await(30, TimeUnit.SECONDS);
    Files.writeString(
        temp.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: stub
          cluster:
            server: http://127.0.0.1:%d
        contexts:
        - name: stub
          context:
            cluster: stub
            user: nobody
            namespace: default
        users:
        - name: nobody
          user: {}
        current-context: stub
        """
            .formatted(server.actualPort()));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void crdColumnsPrintAsUpstream() throws Exception {
    Result result = kubectl("get", "pingsources");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.table())
        .containsExactly(
            List.of("NAME", "SINK", "AGE", "READY", "REASON"),
            List.of("a-source", "http://event-display.default.svc.cluster.local", "3m", "True"),
            List.of("b-source", "<no value>", "1h", "False", "NoSink"));
  }

  @Test
  void podColumnsAndWideColumns() throws Exception {
    Result plain = kubectl("get", "pods");
    assertThat(plain.table())
        .containsExactly(
            List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"),
            List.of("busybox", "0/1", "CrashLoopBackOff", "5 (5m ago)", "60m"));

    Result wide = kubectl("get", "pods", "-o", "wide");
    assertThat(wide.table())
        .containsExactly(
            List.of(
                "NAME",
                "READY",
                "STATUS",
                "RESTARTS",
                "AGE",
                "IP",
                "NODE",
                "NOMINATED NODE",
                "READINESS GATES"),
            List.of(
                "busybox",
                "0/1",
                "CrashLoopBackOff",
                "5 (5m ago)",
                "60m",
                "127.0.0.5",
                "local",
                "<none>",
                "<none>"));
  }

  @Test
  void rowObjectsGiveNamespaceAndLabels() throws Exception {
    Result all = kubectl("get", "pods", "-A");
    assertThat(all.table().get(0)).startsWith("NAMESPACE", "NAME");
    assertThat(all.table().get(1)).startsWith("default", "busybox");

    Result labels = kubectl("get", "pods", "--show-labels");
    assertThat(labels.table().get(0)).endsWith("LABELS");
    assertThat(labels.table().get(1)).endsWith("run=busybox");
  }

  @Test
  void severalKindsArePrefixedWithTheirKind() throws Exception {
    Result result = kubectl("get", "all");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.table())
        .extracting(row -> row.get(0))
        .containsExactly(
            "NAME",
            "pod/busybox",
            "NAME",
            "pingsource.sources.knative.dev/a-source",
            "pingsource.sources.knative.dev/b-source");
  }

  @Test
  void eventsNameTheirObject() throws Exception {
    Result result = kubectl("get", "events");

    assertThat(result.table())
        .containsExactly(
            List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"),
            List.of("60s", "Normal", "Started", "pod/busybox", "Started container busybox"));
  }

  @Test
  void sortByAsksForWholeObjects() throws Exception {
    Result result = kubectl("get", "pingsources", "--sort-by=.spec.schedule");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(tableRequests).anyMatch(query -> query.contains("includeObject=Object"));
    // b-source's schedule sorts first although the server lists it second
    assertThat(result.table().get(1).get(0)).isEqualTo("b-source");
    assertThat(result.table().get(2).get(0)).isEqualTo("a-source");
  }

  @Test
  void getByNameIsAOneRowTable() throws Exception {
    Result result = kubectl("get", "pingsource", "a-source");

    assertThat(result.table()).hasSize(2);
    assertThat(result.table().get(1).get(0)).isEqualTo("a-source");
  }

  @Test
  void aTableWatchPrintsOneHeader() throws Exception {
    Result result = kubectl("get", "pingsources", "-w");

    List<List<String>> table = result.table();
    assertThat(table.get(0)).containsExactly("NAME", "SINK", "AGE", "READY", "REASON");
    assertThat(table.stream().filter(row -> row.get(0).equals("NAME"))).hasSize(1);
    assertThat(table.subList(1, table.size()))
        .extracting(row -> row.get(0))
        .containsExactly("a-source", "b-source", "a-source", "b-source");
    assertThat(result.output()).doesNotContain("Unable to decode");
  }

  private void handle(HttpServerRequest request) {
    HttpServerResponse response = request.response().putHeader("Content-Type", "application/json");
    String path = request.path();
    boolean table = String.valueOf(request.getHeader("Accept")).contains("as=Table");
    TableOptions options =
        new TableOptions(
            IncludeObject.parse(request.getParam("includeObject")).orElseThrow(), false);
    if (table) {
      tableRequests.add(String.valueOf(request.query()));
    }
    switch (path) {
      case "/version" -> response.end(VERSION);
      case "/api" -> response.end("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
      case "/apis" ->
          response.end(
              "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[{\"name\":"
                  + "\"sources.knative.dev\",\"versions\":[{\"groupVersion\":"
                  + "\"sources.knative.dev/v1\",\"version\":\"v1\"}],\"preferredVersion\":"
                  + "{\"groupVersion\":\"sources.knative.dev/v1\",\"version\":\"v1\"}}]}");
      case "/api/v1" -> response.end(CORE_RESOURCES);
      case "/apis/sources.knative.dev/v1" -> response.end(SOURCES_RESOURCES);
      case "/api/v1/namespaces/default/pods", "/api/v1/pods" ->
          response.end(renderer.table(PODS, List.of(pod()), "50", null, options).toString());
      case "/api/v1/namespaces/default/events" ->
          response.end(renderer.table(EVENTS, List.of(event()), "51", null, options).toString());
      case "/apis/sources.knative.dev/v1/namespaces/default/pingsources" -> {
        if ("true".equals(request.getParam("watch"))) {
          watch(response, options);
        } else {
          response.end(
              renderer.table(PING_SOURCES, pingSources(), "103", null, options).toString());
        }
      }
      case "/apis/sources.knative.dev/v1/namespaces/default/pingsources/a-source" ->
          response.end(
              renderer
                  .table(PING_SOURCES, pingSources().subList(0, 1), "101", null, options)
                  .toString());
      default ->
          response
              .setStatusCode(404)
              .end(
                  "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                      + "\"reason\":\"NotFound\",\"code\":404}");
    }
  }

  /** Two events, headers with the first only (as kube-apiserver), then the stream ends. */
  private void watch(HttpServerResponse response, TableOptions options) {
    response.setChunked(true);
    List<ObjectNode> sources = pingSources();
    for (int i = 0; i < sources.size(); i++) {
      ObjectNode event = Json.MAPPER.createObjectNode();
      event.put("type", "MODIFIED");
      event.set(
          "object",
          renderer.table(
              PING_SOURCES,
              List.of(sources.get(i)),
              "10" + (4 + i),
              null,
              i == 0 ? options : options.withoutHeaders()));
      response.write(event.toString() + "\n");
    }
    response.end();
  }

  private static List<ObjectNode> pingSources() {
    return List.of(
        Json.object(
            """
            {"apiVersion": "sources.knative.dev/v1", "kind": "PingSource",
             "metadata": {"name": "a-source", "namespace": "default", "resourceVersion": "101",
                          "creationTimestamp": "2025-01-01T11:56:48Z"},
             "spec": {"schedule": "*/5 * * * *"},
             "status": {"sinkUri": "http://event-display.default.svc.cluster.local",
                        "conditions": [{"type": "Ready", "status": "True"}]}}
            """),
        Json.object(
            """
            {"apiVersion": "sources.knative.dev/v1", "kind": "PingSource",
             "metadata": {"name": "b-source", "namespace": "default", "resourceVersion": "102",
                          "creationTimestamp": "2025-01-01T11:00:00Z"},
             "spec": {"schedule": "*/1 * * * *"},
             "status": {"sinkUri": null,
                        "conditions": [{"type": "Ready", "status": "False", "reason": "NoSink"}]}}
            """));
  }

  private static ObjectNode pod() {
    return Json.object(
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "busybox", "namespace": "default", "labels": {"run": "busybox"},
                      "creationTimestamp": "2025-01-01T11:00:00Z"},
         "spec": {"nodeName": "local", "containers": [{"name": "busybox"}]},
         "status": {"phase": "Running", "podIP": "127.0.0.5",
           "containerStatuses": [{"name": "busybox", "ready": false, "restartCount": 5,
             "state": {"waiting": {"reason": "CrashLoopBackOff"}},
             "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2025-01-01T11:55:00Z"}}}]}}
        """);
  }

  private static ObjectNode event() {
    return Json.object(
        """
        {"apiVersion": "v1", "kind": "Event",
         "metadata": {"name": "busybox.1", "namespace": "default"},
         "involvedObject": {"kind": "Pod", "name": "busybox", "namespace": "default"},
         "reason": "Started", "message": "Started container busybox", "type": "Normal",
         "lastTimestamp": "2025-01-01T11:59:00Z", "firstTimestamp": "2025-01-01T11:59:00Z"}
        """);
  }

  private record Result(int exitCode, String output) {

    /** Non-empty output lines split into cells at runs of two or more spaces. */
    List<List<String>> table() {
      List<List<String>> rows = new ArrayList<>();
      for (String line : output.split("\n")) {
        if (!line.isBlank()) {
          rows.add(List.of(line.strip().split("\\s{2,}")));
        }
      }
      return rows;
    }
  }

  private Result kubectl(String... args) throws Exception {
    Path home = Files.createDirectories(temp.resolve("home"));
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("KUBECONFIG", temp.resolve("kubeconfig").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    // read on another thread so that a kubectl that never ends (a watch it re-opens) is killed
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return new Result(exited ? process.exitValue() : -1, output.get(10, TimeUnit.SECONDS));
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}
