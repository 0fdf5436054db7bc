package dev.tributary.adapters.ping.it;

import dev.tributary.adapters.ping.MtPingProgram;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceLifecycle;
import dev.tributary.api.sources.ping.PingSourceSpec;
import dev.tributary.api.sources.ping.PingSourceStatus;
import dev.tributary.delivery.CloudEventReceiver;
import dev.tributary.delivery.DeliveryMetrics;
import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.testing.ClusterObjects;
import io.cloudevents.CloudEvent;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local API server with the PingSource CRD, the adapter's system namespace and a test namespace,
 * a recording CloudEvents sink on loopback, and in-process {@link MtPingProgram} replicas. Stands
 * in for the PingSource controller by writing sources' status itself. Everything is closed by
 * {@link #close()}.
 */
final class PingCluster implements AutoCloseable {

  static final String SYSTEM_NAMESPACE = "knative-eventing";
  static final String NAMESPACE = "pings";

  /** Short leases so handovers take a fraction of a second (Go durations in nanoseconds). */
  static final String SHORT_LEASES =
      "{\"Buckets\":1,\"LeaseDuration\":3000000000,\"RenewDeadline\":2000000000,"
          + "\"RetryPeriod\":200000000}";

  final TestCluster cluster;
  final KubernetesClient admin;
  final Vertx vertx = Vertx.vertx();
  final List<CloudEvent> received = new CopyOnWriteArrayList<>();
  private final List<Replica> replicas = new ArrayList<>();
  private HttpServer sink;

  /** One in-process adapter replica. */
  static final class Replica {
    final String podName;
    final RecordingLogSink log;
    final ProgramRuntime runtime;

    Replica(String podName, ProgramRuntime runtime, RecordingLogSink log) {
      this.podName = podName;
      this.runtime = runtime;
      this.log = log;
    }

    /** Asks it to stop, as SIGTERM, and waits for it to end. */
    int stop() throws Exception {
      return runtime.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }

  private PingCluster(TestCluster cluster) throws Exception {
    this.cluster = cluster;
    this.admin = cluster.client();
  }

  static PingCluster start(Path dir) throws Exception {
    TestCluster cluster = TestCluster.start(dir);
    PingCluster pings;
    try {
      pings = new PingCluster(cluster);
      pings.install();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return pings;
  }

  private void install() throws Exception {
    ClusterObjects.installSourceCrd(admin, PingSource.CRD_NAME);
    // The API server creates knative-eventing itself, as a cluster with Knative installed has it.
    for (String namespace : List.of(NAMESPACE)) {
      admin
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    sink =
        vertx
            .createHttpServer()
            .requestHandler(
                CloudEventReceiver.ofEvents(
                    event -> {
                      received.add(event);
                      return Future.succeededFuture();
                    },
                    new DeliveryMetrics(new SimpleMeterRegistry())))
            .listen(0, "127.0.0.1")
            .await(30, TimeUnit.SECONDS);
  }

  /** The recording sink's URL. */
  String sinkUri() {
    return "http://127.0.0.1:" + sink.actualPort() + "/";
  }

  MixedOperation<PingSource, ?, Resource<PingSource>> pingSources() {
    return admin.resources(PingSource.class);
  }

  /** Creates {@code name} sending {@code data} on {@code schedule}, not yet Ready. */
  PingSource create(String name, String schedule, String data) {
    PingSourceSpec spec =
        PingSourceSpec.of(Destination.ofUri(sinkUri()), schedule)
            .withContentType("text/plain")
            .withData(data);
    return pingSources()
        .inNamespace(NAMESPACE)
        .resource(PingSource.of(NAMESPACE, name, spec))
        .create();
  }

  /** Writes {@code name}'s status as the controller would once its sink resolved: Ready. */
  void markReady(String name) {
    pingSources()
        .inNamespace(NAMESPACE)
        .withName(name)
        .editStatus(
            source -> {
              PingSourceStatus status = new PingSourceStatus();
              PingSourceLifecycle lifecycle = new PingSourceLifecycle(status);
              lifecycle.initialize();
              lifecycle.markSink(sinkUri(), null, null);
              lifecycle.propagateDeploymentAvailability(availableAdapter());
              lifecycle.markOidcDisabled();
              lifecycle.markCeAttributes(NAMESPACE, name);
              source.setStatus(status);
              return source;
            });
  }

  /** Writes {@code name}'s status Ready=False (its sink went away). */
  void markNotReady(String name) {
    pingSources()
        .inNamespace(NAMESPACE)
        .withName(name)
        .editStatus(
            source -> {
              PingSourceStatus status = new PingSourceStatus();
              PingSourceLifecycle lifecycle = new PingSourceLifecycle(status);
              lifecycle.initialize();
              lifecycle.markNoSink("NotFound", "the sink is gone");
              lifecycle.propagateDeploymentAvailability(availableAdapter());
              lifecycle.markOidcDisabled();
              source.setStatus(status);
              return source;
            });
  }

  private static Deployment availableAdapter() {
    return new DeploymentBuilder()
        .withNewStatus()
        .addNewCondition()
        .withType("Available")
        .withStatus("True")
        .endCondition()
        .withUnavailableReplicas(0)
        .endStatus()
        .build();
  }

  /** Starts an adapter replica with short leases and no shutdown delay, plus {@code extraEnv}. */
  Replica startReplica(String podName, Map<String, String> extraEnv) {
    return startReplica(podName, extraEnv, Clock.systemUTC());
  }

  /** {@link #startReplica(String, Map)} with the program's clock. */
  Replica startReplica(String podName, Map<String, String> extraEnv, Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("KUBECONFIG", cluster.kubeconfig.toString());
    env.put("METRICS_PROMETHEUS_PORT", "0");
    env.put("PROBES_PORT", "0");
    env.put("SYSTEM_NAMESPACE", SYSTEM_NAMESPACE);
    env.put("POD_NAME", podName);
    env.put("K_LEADER_ELECTION_CONFIG", SHORT_LEASES);
    env.put("K_NO_SHUTDOWN_AFTER", "59");
    env.putAll(extraEnv);
    RecordingLogSink log = new RecordingLogSink();
    ProgramRuntime runtime =
        ProgramRuntime.start(
            new MtPingProgram(),
            Launch.of(Env.of(env), List.of(), log).withClock(clock).withBindHost("127.0.0.1"));
    Replica replica = new Replica(podName, runtime, log);
    synchronized (replicas) {
      replicas.add(replica);
    }
    return replica;
  }

  /** The events received from source {@code name}. */
  List<CloudEvent> receivedFrom(String name) {
    String source = "/apis/v1/namespaces/" + NAMESPACE + "/pingsources/" + name;
    return received.stream().filter(e -> e.getSource().toString().equals(source)).toList();
  }

  @Override
  public void close() throws Exception {
    List<Replica> toStop;
    synchronized (replicas) {
      toStop = new ArrayList<>(replicas);
    }
    for (Replica replica : toStop) {
      replica.stop(); // returns the exit code at once when it has already ended
    }
    vertx.close().await(30, TimeUnit.SECONDS);
    cluster.close();
  }
}
