package dev.tributary.local.kubelet;

import dev.tributary.local.kubelet.env.ContainerConfigException;
import dev.tributary.local.kubelet.env.EnvResolver;
import dev.tributary.local.kubelet.image.ContainerLaunch;
import dev.tributary.local.kubelet.runtime.HostProcessContainer;
import dev.tributary.local.kubelet.runtime.InJvmContainer;
import dev.tributary.local.kubelet.runtime.RunningContainer;
import dev.tributary.local.kubelet.status.ContainerSnapshot;
import dev.tributary.local.kubelet.status.PodStatusCalculator;
import dev.tributary.runtime.LogSink;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pod, as a kubelet's pod worker: binds it to the node, gives it its address and
 * ServiceAccount credentials, runs its init containers one by one and then its containers, restarts
 * them by its restart policy with back-off, keeps its status current, and on deletion stops its
 * containers within the grace period and lets the deletion complete.
 *
 * <p>All state is confined to the worker's {@link SerialExecutor}: the informer, container exits,
 * probes and timers only enqueue tasks. API calls block the queue, never the informer.
 */
final class PodWorker {

  private static final Logger LOG = LoggerFactory.getLogger(PodWorker.class);
  private static final String KUBECONFIG = "KUBECONFIG";

  private final KubeletContext k;
  private final SerialExecutor serial;
  private final String uid;
  private final String key;
  private final PodFiles files;
  private Pod pod;
  private final List<ContainerRun> inits = new ArrayList<>();
  private final List<ContainerRun> mains = new ArrayList<>();
  private boolean started;
  private boolean terminating;
  private boolean finished;
  private boolean gone;
  private boolean frozen; // a terminal pod found after a restart: its status stays as it is
  private String podIp;
  private String startTime;
  private String token;
  private PodStatus lastWritten;

  PodWorker(KubeletContext k, Pod pod) {
    this.k = k;
    this.pod = pod;
    this.uid = pod.getMetadata().getUid();
    this.key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    this.serial = new SerialExecutor(k.workers(), key);
    this.files = new PodFiles(k.kubeletDir(), uid);
    for (Container c : nonNull(pod.getSpec().getInitContainers())) {
      inits.add(new ContainerRun(c, true));
    }
    for (Container c : nonNull(pod.getSpec().getContainers())) {
      mains.add(new ContainerRun(c, false));
    }
  }

  /** The pod changed (or was first seen). */
  void update(Pod latest) {
    serial.execute(() -> onUpdate(latest));
  }

  /** The pod object is gone from the API (force-deleted): stop everything. */
  void deleted() {
    serial.execute(
        () -> {
          gone = true;
          terminate();
        });
  }

  /**
   * The kubelet is closing: stop the containers but leave the pod's API state alone.
   *
   * @return completes once every container has ended
   */
  CompletableFuture<Void> shutdown(Duration grace) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    serial.execute(
        () -> {
          gone = true;
          finished = true;
          List<CompletableFuture<Integer>> exits = new ArrayList<>();
          for (ContainerRun run : all()) {
            run.cancelPending();
            stopProber(run);
            if (run.handle != null) {
              run.handle.stop(grace);
              exits.add(run.handle.exited());
            }
          }
          CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
              .whenComplete((ignored, failure) -> done.complete(null));
        });
    return done;
  }

  private void onUpdate(Pod latest) {
    pod = latest;
    if (finished) {
      return;
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      if (!started) {
        restore(); // a pod deleted while the kubelet was down: reclaim what it had
      }
      terminate();
      return;
    }
    if (!started) {
      start();
    }
  }

  private void start() {
    started = true;
    if (!bind()) {
      started = false;
      return; // logged; the next update retries
    }
    restore();
    if (frozen) {
      return;
    }
    if (!credentials()) {
      return;
    }
    writeStatus();
    if (initialized()) {
      mains.forEach(this::startContainer);
    } else {
      startNextInit();
    }
  }

  /** Sets spec.nodeName and the kubelet's finalizer, once. False if the API refused. */
  private boolean bind() {
    boolean unbound = isEmpty(pod.getSpec().getNodeName());
    boolean finalized =
        nonNull(pod.getMetadata().getFinalizers()).contains(KubeletContext.FINALIZER);
    if (!unbound && finalized) {
      return true;
    }
    try {
      // No pods/binding subresource on the local API server: the scheduler's binding is a patch.
      pod =
          k.client()
              .pods()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(pod.getMetadata().getName())
              .edit(
                  p -> {
                    if (isEmpty(p.getSpec().getNodeName())) {
                      p.getSpec().setNodeName(k.settings().nodeName());
                    }
                    List<String> finalizers =
                        new ArrayList<>(nonNull(p.getMetadata().getFinalizers()));
                    if (!finalizers.contains(KubeletContext.FINALIZER)) {
                      finalizers.add(KubeletContext.FINALIZER);
                    }
                    p.getMetadata().setFinalizers(finalizers);
                    return p;
                  });
    } catch (KubernetesClientException e) {
      LOG.warn("key={} could not bind pod to node={}", key, k.settings().nodeName(), e);
      return false;
    }
    if (unbound) {
      k.events().scheduled(pod);
    }
    return true;
  }

  /** Takes back what the pod's status says it had before a kubelet restart. */
  private void restore() {
    PodStatus status = pod.getStatus();
    if (status != null
        && status.getPodIP() != null
        && k.addresses().reserve(uid, status.getPodIP())) {
      podIp = status.getPodIP();
    } else {
      podIp = k.addresses().allocate(uid);
    }
    if (status == null) {
      return;
    }
    startTime = status.getStartTime();
    if (status.getStartTime() == null) {
      return;
    }
    lastWritten = status;
    String phase = status.getPhase();
    if (PodStatusCalculator.SUCCEEDED.equals(phase) || PodStatusCalculator.FAILED.equals(phase)) {
      frozen = true;
      return;
    }
    restoreCounts(inits, status.getInitContainerStatuses());
    restoreCounts(mains, status.getContainerStatuses());
  }

  private static void restoreCounts(List<ContainerRun> runs, List<ContainerStatus> statuses) {
    for (ContainerStatus status : nonNull(statuses)) {
      for (ContainerRun run : runs) {
        if (run.name().equals(status.getName())) {
          boolean ran =
              status.getState() != null
                  && (status.getState().getRunning() != null
                      || status.getState().getTerminated() != null);
          // As after a node reboot: a container that had run is restarted, and counts it.
          int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
          run.restartCount = ran && !run.init ? restarts + 1 : restarts;
          if (run.init && status.getState() != null && status.getState().getTerminated() != null) {
            run.state = status.getState();
          }
          if (ran && !run.init) {
            run.lastState =
                status.getState().getTerminated() != null
                    ? status.getState()
                    : status.getLastState();
          }
        }
      }
    }
  }

  private boolean initialized() {
    return inits.stream().allMatch(r -> r.snapshot().succeeded());
  }

  private boolean credentials() {
    if (k.tokens() == null) {
      return true;
    }
    try {
      token = files.token().orElse(null);
      if (token == null) {
        String sa = pod.getSpec().getServiceAccountName();
        if (isEmpty(sa)) {
          sa = "default";
        }
        var account =
            k.client()
                .serviceAccounts()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(sa)
                .get();
        String saUid = account == null ? "" : account.getMetadata().getUid();
        token = k.tokens().issue(pod.getMetadata().getNamespace(), sa, saUid);
      }
      files.dir();
      files.writeCredentials(k.serverUrl(), k.caPem(), pod.getMetadata().getNamespace(), token);
      return true;
    } catch (IOException | KubernetesClientException e) {
      LOG.warn("key={} could not write the pod's ServiceAccount credentials", key, e);
      for (ContainerRun run : all()) {
        run.waitingFor(
            "CreateContainerConfigError", "ServiceAccount credentials: " + e.getMessage());
      }
      writeStatus();
      return false;
    }
  }

  private void startNextInit() {
    for (ContainerRun run : inits) {
      if (!run.snapshot().succeeded()) {
        startContainer(run);
        return;
      }
    }
    mains.forEach(this::startContainer);
  }

  private void startContainer(ContainerRun run) {
    if (terminating || finished) {
      return;
    }
    ContainerLaunch launch = k.images().resolve(run.spec);
    if (launch instanceof ContainerLaunch.Unavailable unavailable) {
      pullFailed(run, unavailable.message());
      return;
    }
    Map<String, String> env;
    try {
      env = new LinkedHashMap<>(k.env().resolve(pod, run.spec, podIp, KubeletContext.HOST_IP));
    } catch (ContainerConfigException e) {
      run.waitingFor("CreateContainerConfigError", e.getMessage());
      k.events().failed(pod, run.spec, e.getMessage());
      writeStatus();
      retryLater(run, k.backOff().delay(run.pullFailures++));
      return;
    } catch (KubernetesClientException e) {
      LOG.warn("key={} container={} env could not be read", key, run.name(), e);
      retryLater(run, k.backOff().delay(run.pullFailures++));
      return;
    }
    if (k.tokens() != null) {
      env.putIfAbsent(KUBECONFIG, files.kubeconfig().toString());
    }
    run.pullFailures = 0;
    k.events().pulled(pod, run.spec);
    LogSink log =
        k.logs()
            .open(
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getName(),
                uid,
                run.name(),
                run.restartCount);
    RunningContainer handle;
    try {
      handle =
          switch (launch) {
            case ContainerLaunch.InJvm program ->
                InJvmContainer.start(
                    program.create().get(),
                    env,
                    EnvResolver.expandAll(run.spec.getArgs(), env),
                    log,
                    k.clock(),
                    podIp);
            case ContainerLaunch.HostProcess process -> startHostProcess(process, env, log);
            case ContainerLaunch.Unavailable u -> throw new IllegalStateException(u.message());
          };
    } catch (IOException | RuntimeException e) {
      String message = "failed to start container \"" + run.name() + "\": " + e.getMessage();
      LOG.warn("key={} container={} {}", key, run.name(), message);
      k.events().failed(pod, run.spec, message);
      run.terminated(128, "StartError", message, now());
      afterExit(run);
      return;
    }
    k.events().created(pod, run.spec);
    run.handle = handle;
    run.containerId = "tributary://" + uid + "/" + run.name() + "/" + run.restartCount;
    run.running(now());
    k.events().started(pod, run.spec);
    if (run.spec.getReadinessProbe() == null || run.init) {
      run.ready = !run.init;
    } else {
      run.ready = false;
      run.prober =
          Prober.start(
              run.spec.getReadinessProbe(),
              run.spec,
              podIp,
              files,
              k.timers(),
              ready -> serial.execute(() -> probed(run, handle, ready)));
    }
    handle
        .exited()
        .whenComplete((code, failure) -> serial.execute(() -> exited(run, handle, code)));
    writeStatus();
  }

  /**
   * Starts a host process, whose cluster URLs (in its env and command line) name Services by
   * cluster IP: cluster names resolve only inside this JVM.
   */
  private RunningContainer startHostProcess(
      ContainerLaunch.HostProcess process, Map<String, String> env, LogSink log)
      throws IOException {
    List<String> command = EnvResolver.expandAll(process.command(), env);
    Map<String, String> processEnv = env;
    if (k.hostEnv() != null) {
      String namespace = pod.getMetadata().getNamespace();
      processEnv = k.hostEnv().rewriteAll(env, namespace);
      command = command.stream().map(arg -> k.hostEnv().rewrite(arg, namespace)).toList();
    }
    return HostProcessContainer.start(command, processEnv, files.dir(), log);
  }

  private void probed(ContainerRun run, RunningContainer handle, boolean ready) {
    if (run.handle != handle || run.ready == ready) {
      return;
    }
    run.ready = ready;
    writeStatus();
  }

  private void pullFailed(ContainerRun run, String message) {
    run.waitingFor("ErrImagePull", message);
    k.events().pullFailed(pod, run.spec, message);
    writeStatus();
    Duration delay = k.backOff().delay(run.pullFailures++);
    run.pending =
        k.timers()
            .schedule(
                () ->
                    serial.execute(
                        () -> {
                          if (terminating || finished) {
                            return;
                          }
                          run.waitingFor(
                              "ImagePullBackOff", "Back-off pulling image \"" + run.image() + "\"");
                          k.events().pullBackOff(pod, run.spec);
                          writeStatus();
                          retryLater(run, delay);
                        }),
                Math.min(1000, delay.toMillis()),
                TimeUnit.MILLISECONDS);
  }

  private void retryLater(ContainerRun run, Duration delay) {
    run.pending =
        k.timers()
            .schedule(
                () -> serial.execute(() -> startContainer(run)),
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void exited(ContainerRun run, RunningContainer handle, Integer code) {
    if (run.handle != handle) {
      return;
    }
    run.handle = null;
    stopProber(run);
    int exitCode = code == null ? 1 : code;
    run.terminated(exitCode, exitCode == 0 ? "Completed" : "Error", null, now());
    if (finished) {
      return; // the kubelet is shutting down: nothing restarts, the status stays as it was
    }
    if (terminating) {
      writeStatus();
      maybeFinish();
      return;
    }
    afterExit(run);
  }

  /** Decides, by the restart policy, what follows a container's end. */
  private void afterExit(ContainerRun run) {
    String policy = Objects.requireNonNullElse(pod.getSpec().getRestartPolicy(), "Always");
    boolean failed = run.snapshot().failed();
    if (run.init && !failed) {
      writeStatus();
      startNextInit();
      return;
    }
    // Init containers restart on failure unless the policy is Never (Kubernetes: Always acts as
    // OnFailure for them).
    boolean restart =
        run.init
            ? !policy.equals("Never")
            : policy.equals("Always") || (policy.equals("OnFailure") && failed);
    if (!restart) {
      writeStatus();
      return;
    }
    // The kubelet restarts a container at once after its first exit, then backs off 10s, 20s, ...
    Duration delay =
        run.restartCount == 0 ? Duration.ZERO : k.backOff().delay(run.restartCount - 1);
    if (!delay.isZero()) {
      run.rememberTermination();
      run.waitingFor(
          "CrashLoopBackOff",
          "back-off "
              + GoDurations.format(delay)
              + " restarting failed container="
              + run.name()
              + " pod="
              + KubeletEvents.podDescription(pod));
      k.events().crashBackOff(pod, run.spec);
    }
    writeStatus();
    run.pending =
        k.timers()
            .schedule(
                () ->
                    serial.execute(
                        () -> {
                          if (terminating || finished) {
                            return;
                          }
                          run.rememberTermination();
                          run.restartCount++;
                          startContainer(run);
                        }),
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void terminate() {
    if (terminating) {
      maybeFinish();
      return;
    }
    terminating = true;
    Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    Duration grace = Duration.ofSeconds(seconds == null ? 30 : seconds);
    for (ContainerRun run : all()) {
      run.cancelPending();
      stopProber(run);
      if (run.handle != null) {
        k.events().killing(pod, run.spec);
        run.handle.stop(grace);
      }
    }
    maybeFinish();
  }

  private void maybeFinish() {
    if (finished || all().stream().anyMatch(ContainerRun::running)) {
      return;
    }
    finished = true;
    if (!gone && started) {
      writeStatus();
    }
    if (!gone) {
      try {
        k.client()
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .edit(
                p -> {
                  List<String> finalizers =
                      new ArrayList<>(nonNull(p.getMetadata().getFinalizers()));
                  finalizers.remove(KubeletContext.FINALIZER);
                  p.getMetadata().setFinalizers(finalizers);
                  return p;
                });
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          LOG.warn("key={} could not release the pod's deletion", key, e);
          finished = false; // the next update retries
          return;
        }
      }
    }
    k.addresses().release(uid);
    try {
      if (token != null && k.tokens() != null) {
        k.tokens().revoke(token);
      }
      files.delete();
    } catch (IOException e) {
      LOG.warn("key={} pod files not cleaned up", key, e);
    }
    k.finished().accept(uid);
  }

  private void writeStatus() {
    if (gone || frozen) {
      return;
    }
    String now = now();
    if (startTime == null) {
      startTime = now;
    }
    List<ContainerSnapshot> snapshots = all().stream().map(ContainerRun::snapshot).toList();
    PodStatus status =
        PodStatusCalculator.compute(
            lastWritten,
            snapshots,
            Objects.requireNonNullElse(pod.getSpec().getRestartPolicy(), "Always"),
            podIp,
            KubeletContext.HOST_IP,
            startTime,
            now);
    if (status.equals(lastWritten)) {
      return;
    }
    try {
      k.client()
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .editStatus(
              p -> {
                p.setStatus(status);
                return p;
              });
      lastWritten = status;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return;
      }
      LOG.warn("key={} status not written", key, e);
    }
  }

  private void stopProber(ContainerRun run) {
    if (run.prober != null) {
      run.prober.close();
      run.prober = null;
    }
  }

  private List<ContainerRun> all() {
    List<ContainerRun> all = new ArrayList<>(inits);
    all.addAll(mains);
    return all;
  }

  private String now() {
    return Instant.now(k.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
