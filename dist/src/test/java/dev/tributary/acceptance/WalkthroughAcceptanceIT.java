package dev.tributary.acceptance;

import static dev.tributary.acceptance.KubectlSession.grep;
import static dev.tributary.acceptance.KubectlSession.grepA1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tributary.local.apiserver.Kubectl;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance: the walkthrough ({@code ../shared/seed/000_cd4499c0820edd95.txt}) on {@code
 * tributary up}, a JVM of its own on a fresh data dir, driven only with the real kubectl (fresh
 * HOME) applying the repo's {@code examples/} copies of the walkthrough's files. Each section
 * checks what the Acceptance lists; during section 5 {@code up} is killed with SIGKILL and
 * started again on the same data dir, and the sources must come back and send again. Finally {@code
 * kubectl delete -f} of every file, newest first, must leave nothing behind.
 *
 * <p>Ping and cron fire once a minute, so both are applied first and their waits overlap the other
 * sections. {@code target/walkthrough-transcript.txt} holds the commands and what kubectl printed,
 * as a user would see them; failsafe's {@code -output.txt} has the same, mixed with whatever else
 * this JVM logs, and {@code up}'s logs when the test fails.
 */
class WalkthroughAcceptanceIT {

  private static final Duration UP_READY = Duration.ofMinutes(3);
  private static final Duration SOON = Duration.ofMinutes(2);

  /** A once-a-minute schedule's next tick, and time for what it starts to run. */
  private static final Duration NEXT_MINUTE = Duration.ofSeconds(150);

  private static final String SINK = "http://event-display.default.svc.cluster.local";
  private static final String HEARTBEAT = "dev.knative.eventing.samples.heartbeat";
  private static final String HEARTBEATS_SOURCE =
      "https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod";
  private static final String PING = "dev.knative.sources.ping";
  private static final String PING_SOURCE =
      "/apis/v1/namespaces/default/pingsources/test-ping-source";
  private static final String HELLO_WORLD = "\"message\": \"hello, world!\"";

  // Pod names as Kubernetes makes them: NAME-<pod-template-hash>-<5 chars>, or, for the adapter's
  // long Deployment name, its first 58 characters and 5 more (the walkthrough's own example is
  // apiserversource-test-apiserver-09b390f97a3b1206d5d4376634dv4b7q).
  private static final String EVENT_DISPLAY_POD = "event-display-[a-z0-9]{6,10}-[a-z0-9]{5}";
  private static final String RECEIVE_ADAPTER_POD =
      "apiserversource-test-apiserver-[0-9a-f]{27}[a-z0-9]{5}";
  private static final String HEARTBEATS_POD =
      "test-container-source-deployment-[a-z0-9]{6,10}-[a-z0-9]{5}";
  private static final String PING_ADAPTER_POD = "pingsource-mt-adapter-[a-z0-9]{6,10}-[a-z0-9]{5}";
  private static final String CRON_POD = "heartbeat-cron-\\d+-[a-z0-9]{5}";

  @TempDir Path temp;
  private LocalUp up;
  private KubectlSession kubectl;
  private PrintStream transcript;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(Kubectl.installed(), "kubectl is not on the PATH");
    Path examples =
        Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("examples");
    assertThat(examples.resolve("event-display.yaml")).exists();
    up = new LocalUp(temp.resolve("data"), temp);
    // The session alone, without what other tests in this JVM log.
    Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target"));
    transcript =
        new PrintStream(
            Files.newOutputStream(target.resolve("walkthrough-transcript.txt")),
            true,
            StandardCharsets.UTF_8);
    kubectl =
        new KubectlSession(
            new Kubectl(temp.resolve("home"), up.kubeconfig()), examples, System.out, transcript);
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (up != null) {
        up.close();
      }
    } finally {
      if (transcript != null) {
        transcript.close();
      }
    }
  }

  @Test
  void theWalkthroughRunsOnUpAndComesBackAfterAKill9() throws Throwable {
    try {
      walkthrough();
    } catch (Throwable failure) {
      System.out.println("##### the test failed: " + failure);
      try {
        kubectl.attempt("get", "all,jobs,events", "-A");
      } catch (Exception e) {
        System.out.println("(kubectl get failed too: " + e + ")");
      }
      System.out.println("##### up's output");
      System.out.println(up.output());
      throw failure;
    }
  }

  private void walkthrough() throws Exception {
    up.start();
    up.awaitReady(UP_READY);
    kubectl.print("./tributary up --data-dir DATA --port 0", String.join("\n", up.progress()));

    kubectl.note("setup: the consumer of every section's events");
    assertThat(kubectl.run("apply", "-f", kubectl.file("event-display.yaml")))
        .contains("deployment.apps/event-display created", "service/event-display created");
    kubectl.note("ping source and cron job applied first: both fire once a minute");
    assertThat(kubectl.run("apply", "-f", kubectl.file("pingsource.yaml")))
        .contains("pingsource.sources.knative.dev/test-ping-source created");
    assertThat(kubectl.run("apply", "-f", kubectl.file("cronjob.yaml")))
        .contains("cronjob.batch/heartbeat-cron created");
    kubectl.awaitOutput(
        "the event-display pod Running",
        SOON,
        out -> running(KubectlTable.parse(out), EVENT_DISPLAY_POD),
        "get",
        "pod",
        "-l",
        "app=event-display");

    apiServerSource();
    containerSource();
    pingSource();
    sinkBindingWithAKill9();
    deleteEverything();
  }

  /** Section 2. */
  private void apiServerSource() throws Exception {
    kubectl.note("apiserver source");
    Kubectl.Result verbatim = kubectl.attempt("apply", "-f", kubectl.file("rbac.yaml"));
    assertThat(verbatim.exitCode()).as("rbac.yaml as written has no subject namespace").isNotZero();
    assertThat(verbatim.output()).contains("subjects[0].namespace: Required value");
    assertThat(kubectl.run("apply", "-f", kubectl.file("rbac-corrected.yaml")))
        .contains("clusterrolebinding.rbac.authorization.k8s.io/k8s-ra-event-watcher created");
    assertThat(kubectl.run("apply", "-f", kubectl.file("apiserversource.yaml")))
        .contains("apiserversource.sources.knative.dev/test-apiserver-source created");
    awaitReady("apiserversource", "test-apiserver-source");
    kubectl.awaitOutput(
        "the receive adapter's pod Running",
        SOON,
        out -> running(KubectlTable.parse(out), RECEIVE_ADAPTER_POD),
        "get",
        "pod");

    assertThat(
            kubectl.run(
                "run", "busybox", "--image=radial/busyboxplus:curl", "--restart=Never", "--", "ls"))
        .contains("pod/busybox created");
    // A user types the next command a moment later: by then the container has run.
    kubectl.awaitOutput(
        "busybox has run",
        SOON,
        out -> KubectlTable.parse(out).has("busybox", "STATUS", "Completed"),
        "get",
        "pod",
        "busybox");
    assertThat(kubectl.run("delete", "pod", "busybox")).contains("pod \"busybox\" deleted");
    kubectl.note(
        "the ping source and the cron job run since the start here (their waits overlap), so"
            + " their pods' Events may follow busybox's in the log: the whole log is read, not the"
            + " walkthrough's --tail=100");
    kubectl.awaitPipeline(
        "event-display shows busybox's Created and Started Events",
        SOON,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | grep message | grep busybox",
        out -> grep(grep(out, "\"message\""), "busybox"),
        out ->
            out.contains("\"message\": \"Created container busybox\"")
                && out.contains("\"message\": \"Started container busybox\""));
  }

  /** Section 3. */
  private void containerSource() throws Exception {
    kubectl.note("container source");
    assertThat(kubectl.run("apply", "-f", kubectl.file("containersource.yaml")))
        .contains("containersource.sources.knative.dev/test-container-source created");
    awaitReady("containersource", "test-container-source");
    String pods =
        kubectl.awaitOutput(
            "the heartbeats pod Running",
            SOON,
            out -> running(KubectlTable.parse(out), HEARTBEATS_POD),
            "get",
            "pod");
    String pod = runningPod(KubectlTable.parse(pods), HEARTBEATS_POD);
    String sinkEnv = grepA1(kubectl.quiet("get", "pod", pod, "-o", "yaml"), "K_SINK");
    kubectl.print("kubectl get pod " + pod + " -o yaml | grep -A1 \"K_SINK\"", sinkEnv);
    assertThat(sinkEnv).contains("- name: K_SINK").contains("value: " + SINK);

    kubectl.awaitPipeline(
        "heartbeats every second with increasing ids",
        SOON,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | tail -100 | grep -E 'time|id\"'",
        out -> grep(lastLines(out, 100), "time|id\""),
        out -> increasing(heartbeatIds(DisplayedEvents.parse(out)), 3));
  }

  /** Section 4 (applied at the start). */
  private void pingSource() throws Exception {
    kubectl.note("ping source (applied at the start)");
    awaitReady("pingsource", "test-ping-source");
    kubectl.awaitOutput(
        "the ping adapter's pod Running",
        SOON,
        out -> running(KubectlTable.parse(out), PING_ADAPTER_POD),
        "-n",
        "knative-eventing",
        "get",
        "pod");
    kubectl.awaitPipeline(
        "\"hello, world!\" from the ping source",
        NEXT_MINUTE,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | grep -E 'time|message'   # ping events' lines",
        out -> timeAndMessage(DisplayedEvents.parse(out).from(PING, PING_SOURCE)),
        out ->
            DisplayedEvents.parse(out).from(PING, PING_SOURCE).stream()
                .anyMatch(e -> e.contains(HELLO_WORLD)));
  }

  /** Section 5 (the CronJob was applied at the start), with {@code kill -9} of {@code up}. */
  private void sinkBindingWithAKill9() throws Exception {
    kubectl.note("sink binding (cronjob.yaml was applied at the start)");
    String unboundPods =
        kubectl.awaitPipeline(
            "a job's pod ends in Error before the binding (no sink)",
            NEXT_MINUTE,
            new String[] {"get", "pod"},
            " | grep heartbeat",
            out -> grep(out, "heartbeat"),
            out -> KubectlTable.parse(out).has(CRON_POD, "STATUS", "Error"));
    String unbound =
        KubectlTable.parse(unboundPods).allNamed(CRON_POD).stream()
            .filter(row -> "Error".equals(row.get("STATUS")))
            .map(row -> row.get("NAME"))
            .findFirst()
            .orElseThrow();
    String unboundEnv = grepA1(kubectl.quiet("get", "pod", unbound, "-o", "yaml"), "K_");
    kubectl.print("kubectl get pod " + unbound + " -o yaml | grep -A1 \"K_\"", unboundEnv);
    assertThat(unboundEnv).doesNotContain("K_SINK").doesNotContain("K_CE_OVERRIDES");
    kubectl.attempt("logs", unbound);

    assertThat(kubectl.run("apply", "-f", kubectl.file("sinkbinding.yaml")))
        .contains("sinkbinding.sources.knative.dev/test-sink-binding created");
    awaitReady("sinkbinding", "test-sink-binding");

    // A restart is a node reboot: the same pods come back, their containers restarted.
    KubectlTable before = KubectlTable.parse(kubectl.quiet("get", "pod"));
    List<String> sourcePods =
        List.of(
            runningPod(before, EVENT_DISPLAY_POD),
            runningPod(before, RECEIVE_ADAPTER_POD),
            runningPod(before, HEARTBEATS_POD));
    String pingAdapter =
        runningPod(
            KubectlTable.parse(kubectl.quiet("-n", "knative-eventing", "get", "pod")),
            PING_ADAPTER_POD);

    kubectl.print("kill -9 " + up.pid() + "   # up, during section 5", "");
    Instant killed = Instant.now();
    up.kill9();
    up.start();
    up.awaitReady(UP_READY);
    kubectl.print("./tributary up --data-dir DATA --port 0", String.join("\n", up.progress()));

    for (Map.Entry<String, String> source :
        List.of(
            Map.entry("apiserversource", "test-apiserver-source"),
            Map.entry("containersource", "test-container-source"),
            Map.entry("pingsource", "test-ping-source"),
            Map.entry("sinkbinding", "test-sink-binding"))) {
      awaitReady(source.getKey(), source.getValue());
    }
    kubectl.awaitOutput(
        "the same pods Running again: " + sourcePods,
        SOON,
        out -> sourcePods.stream().allMatch(pod -> running(KubectlTable.parse(out), pod)),
        "get",
        "pod");
    kubectl.awaitOutput(
        "the same ping adapter pod Running again: " + pingAdapter,
        SOON,
        out -> running(KubectlTable.parse(out), pingAdapter),
        "-n",
        "knative-eventing",
        "get",
        "pod");
    kubectl.awaitPipeline(
        "heartbeats again after the restart",
        SOON,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | tail -100 | grep -E 'time|id\"'",
        out -> grep(lastLines(out, 100), "time|id\""),
        out ->
            DisplayedEvents.parse(out).since(HEARTBEAT, killed).stream()
                .anyMatch(e -> e.attribute("source").orElse("").equals(HEARTBEATS_SOURCE)));

    String boundPods =
        kubectl.awaitPipeline(
            "a job's pod Completed after the binding",
            NEXT_MINUTE,
            new String[] {"get", "pod"},
            " | grep heartbeat",
            out -> grep(out, "heartbeat"),
            out -> KubectlTable.parse(out).has(CRON_POD, "STATUS", "Completed"));
    String bound =
        KubectlTable.parse(boundPods).allNamed(CRON_POD).stream()
            .filter(row -> "Completed".equals(row.get("STATUS")))
            .map(row -> row.get("NAME"))
            .reduce((first, second) -> second)
            .orElseThrow();
    String boundEnv = grepA1(kubectl.quiet("get", "pod", bound, "-o", "yaml"), "K_");
    kubectl.print("kubectl get pod " + bound + " -o yaml | grep -A1 \"K_\"", boundEnv);
    assertThat(boundEnv)
        .contains("- name: K_SINK")
        .contains("value: " + SINK)
        .contains("- name: K_CE_OVERRIDES")
        .contains("value: '{\"extensions\":{\"hello\":\"world\"}}'");

    kubectl.awaitPipeline(
        "a cron heartbeat with hello: world after the restart",
        NEXT_MINUTE,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | grep -E 'time|id\"|hello'   # cron heartbeats' lines",
        out -> timeIdAndHello(cronHeartbeats(DisplayedEvents.parse(out))),
        out ->
            cronHeartbeats(DisplayedEvents.parse(out)).stream()
                .anyMatch(
                    e ->
                        e.attribute("hello").filter("world"::equals).isPresent()
                            && e.dataId().orElse(-1) == 1
                            && e.time().filter(t -> t.isAfter(killed)).isPresent()));
    kubectl.awaitPipeline(
        "a ping after the restart",
        NEXT_MINUTE,
        new String[] {"logs", "-l", "app=event-display", "--tail=-1"},
        " | grep -E 'time|message'   # ping events' lines",
        out -> timeAndMessage(DisplayedEvents.parse(out).from(PING, PING_SOURCE)),
        out ->
            DisplayedEvents.parse(out).since(PING, killed).stream()
                .anyMatch(e -> e.contains(HELLO_WORLD)));
  }

  /** {@code kubectl delete -f} of every file, newest first: nothing it made may stay. */
  private void deleteEverything() throws Exception {
    kubectl.note("clean-up: every file deleted, newest first");
    for (String file :
        List.of(
            "sinkbinding.yaml",
            "containersource.yaml",
            "apiserversource.yaml",
            "rbac-corrected.yaml",
            "cronjob.yaml",
            "pingsource.yaml",
            "event-display.yaml")) {
      assertThat(kubectl.run("delete", "-f", kubectl.file(file))).contains("deleted");
    }
    Predicate<String> none = out -> KubectlTable.parse(out).rows().isEmpty();
    kubectl.awaitOutput(
        "no Deployment, ReplicaSet, Pod, Job or CronJob left",
        SOON,
        none,
        "get",
        "deployments,replicasets,pods,jobs,cronjobs,services,serviceaccounts",
        "-n",
        "default",
        "--field-selector",
        "metadata.name!=default");
    kubectl.awaitOutput(
        "no source or binding left (the ContainerSource's own SinkBinding included)",
        SOON,
        none,
        "get",
        "apiserversources,containersources,pingsources,sinkbindings",
        "-A");
    for (String object :
        List.of("clusterrole/event-watcher", "clusterrolebinding/k8s-ra-event-watcher")) {
      Kubectl.Result gone = kubectl.attempt("get", object);
      assertThat(gone.exitCode()).as(object + " is gone").isNotZero();
      assertThat(gone.output())
          .contains(
              "(NotFound)", "\"" + object.substring(object.indexOf('/') + 1) + "\" not found");
    }
  }

  private void awaitReady(String kind, String name) {
    kubectl.awaitOutput(
        kind + " " + name + " READY True with the sink",
        SOON,
        out ->
            KubectlTable.parse(out)
                .named(name)
                .filter(row -> SINK.equals(row.get("SINK")) && "True".equals(row.get("READY")))
                .isPresent(),
        "get",
        kind);
  }

  private static boolean running(KubectlTable pods, String nameRegex) {
    return pods.allNamed(nameRegex).stream()
        .anyMatch(row -> "Running".equals(row.get("STATUS")) && "1/1".equals(row.get("READY")));
  }

  private static String runningPod(KubectlTable pods, String nameRegex) {
    return pods.allNamed(nameRegex).stream()
        .filter(row -> "Running".equals(row.get("STATUS")))
        .map(row -> row.get("NAME"))
        .findFirst()
        .orElseThrow();
  }

  /** The data ids of the ContainerSource's heartbeats, in the order displayed. */
  private static List<Integer> heartbeatIds(DisplayedEvents events) {
    return events.from(HEARTBEAT, HEARTBEATS_SOURCE).stream()
        .map(e -> e.dataId().orElse(-1))
        .toList();
  }

  /** Whether there are at least {@code count} ids, each greater than the one before. */
  private static boolean increasing(List<Integer> ids, int count) {
    if (ids.size() < count) {
      return false;
    }
    for (int i = 1; i < ids.size(); i++) {
      if (ids.get(i) <= ids.get(i - 1)) {
        throw new AssertionError("heartbeat ids do not increase: " + ids);
      }
    }
    return true;
  }

  /** The heartbeats sent by the CronJob's pods (their source names the pod). */
  private static List<DisplayedEvents.Event> cronHeartbeats(DisplayedEvents events) {
    return events.events().stream()
        .filter(e -> e.attribute("type").filter(HEARTBEAT::equals).isPresent())
        .filter(
            e ->
                e.attribute("source")
                    .orElse("")
                    .startsWith("https://knative.dev/eventing-contrib/cmd/heartbeats/#default/"))
        .toList();
  }

  private static String timeAndMessage(List<DisplayedEvents.Event> events) {
    return events.stream()
        .map(e -> grep(e.text(), "time|message"))
        .collect(Collectors.joining("\n"));
  }

  private static String timeIdAndHello(List<DisplayedEvents.Event> events) {
    return events.stream()
        .map(e -> grep(e.text(), "time|id\"|hello"))
        .collect(Collectors.joining("\n"));
  }

  private static String lastLines(String text, int count) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }
}
