package dev.tributary.local.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a container's readiness probe as the kubelet does: every {@code periodSeconds} (default 10)
 * after {@code initialDelaySeconds}, each attempt bounded by {@code timeoutSeconds} (default 1);
 * ready after {@code successThreshold} successes in a row, unready after {@code failureThreshold}
 * (default 3) failures in a row. {@code httpGet} succeeds on a status in [200, 400), {@code
 * tcpSocket} when it connects, {@code exec} when the command (run on the host, in the pod's
 * directory) exits 0. The host defaults to the pod's address. Each attempt runs on a virtual
 * thread; {@link #close} stops it.
 */
final class Prober implements AutoCloseable {

  private final Probe probe;
  private final Container container;
  private final String podIp;
  private final PodFiles files;
  private final Consumer<Boolean> report;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private ScheduledFuture<?> schedule;
  private int successes;
  private int failures;
  private Boolean ready;
  private volatile boolean closed;

  private Prober(
      Probe probe, Container container, String podIp, PodFiles files, Consumer<Boolean> report) {
    this.probe = probe;
    this.container = container;
    this.podIp = podIp;
    this.files = files;
    this.report = report;
  }

  /** Starts probing; {@code report} hears each change of readiness. */
  static Prober start(
      Probe probe,
      Container container,
      String podIp,
      PodFiles files,
      ScheduledExecutorService timers,
      Consumer<Boolean> report) {
    Prober prober = new Prober(probe, container, podIp, files, report);
    long period = Math.max(1, orDefault(probe.getPeriodSeconds(), 10)) * 1000L;
    long delay = orDefault(probe.getInitialDelaySeconds(), 0) * 1000L;
    prober.schedule =
        timers.scheduleWithFixedDelay(
            () -> Thread.ofVirtual().start(prober::attempt), delay, period, TimeUnit.MILLISECONDS);
    return prober;
  }

  @Override
  public void close() {
    closed = true;
    if (schedule != null) {
      schedule.cancel(false);
    }
    http.close();
  }

  private synchronized void attempt() {
    if (closed) {
      return;
    }
    boolean ok = probeOnce();
    if (ok) {
      successes++;
      failures = 0;
    } else {
      failures++;
      successes = 0;
    }
    Boolean next = ready;
    if (ok && successes >= orDefault(probe.getSuccessThreshold(), 1)) {
      next = true;
    } else if (!ok && failures >= orDefault(probe.getFailureThreshold(), 3)) {
      next = false;
    }
    if (next != null && !next.equals(ready) && !closed) {
      ready = next;
      report.accept(next);
    }
  }

  boolean probeOnce() {
    Duration timeout = Duration.ofSeconds(Math.max(1, orDefault(probe.getTimeoutSeconds(), 1)));
    try {
      if (probe.getHttpGet() != null) {
        var get = probe.getHttpGet();
        String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
        String host = get.getHost() == null || get.getHost().isEmpty() ? podIp : get.getHost();
        String path = get.getPath() == null ? "/" : get.getPath();
        URI uri =
            URI.create(
                scheme
                    + "://"
                    + host
                    + ":"
                    + port(get.getPort())
                    + (path.startsWith("/") ? path : "/" + path));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (get.getHttpHeaders() != null) {
          get.getHttpHeaders().forEach(h -> request.header(h.getName(), h.getValue()));
        }
        int status =
            http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        return status >= 200 && status < 400;
      }
      if (probe.getTcpSocket() != null) {
        var tcp = probe.getTcpSocket();
        String host = tcp.getHost() == null || tcp.getHost().isEmpty() ? podIp : tcp.getHost();
        try (Socket socket = new Socket()) {
          socket.connect(
              new InetSocketAddress(host, port(tcp.getPort())), (int) timeout.toMillis());
          return true;
        }
      }
      if (probe.getExec() != null) {
        List<String> command = probe.getExec().getCommand();
        Process process =
            new ProcessBuilder(command)
                .directory(files.dir().toFile())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          return false;
        }
        return process.exitValue() == 0;
      }
      return true; // a probe with no handler (grpc): not supported here, treated as passing
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int port(IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    for (ContainerPort p :
        container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
      if (port.getStrVal().equals(p.getName())) {
        return p.getContainerPort();
      }
    }
    throw new IllegalArgumentException("no container port named " + port.getStrVal());
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null || value == 0 ? fallback : value;
  }
}
