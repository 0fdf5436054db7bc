package dev.tributary.webhook;

import dev.tributary.runtime.AdminServer;
import dev.tributary.runtime.KubeClients;
import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramContext;
import dev.tributary.webhook.certs.CertificateSecret;
import dev.tributary.webhook.certs.ConfigurationReconciler;
import dev.tributary.webhook.certs.ServingCertificate;
import dev.tributary.webhook.conversion.SourceConversion;
import dev.tributary.webhook.defaulting.DefaultingAdmission;
import dev.tributary.webhook.sinkbinding.SinkBindingIndex;
import dev.tributary.webhook.sinkbinding.SinkBindingSubjectAdmission;
import dev.tributary.webhook.sinkbinding.SinkBindingWebhookRules;
import dev.tributary.webhook.validation.PingDefaultsWatch;
import dev.tributary.webhook.validation.ValidationAdmission;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Knative's {@code eventing-webhook} as a {@link Program}: it makes (or reuses) its certificates in
 * its Secret, serves the admission and conversion steps over HTTPS, and writes its caBundle, paths
 * and rules into its configurations and the source CRDs, again whenever one of them changes and
 * periodically (which also renews the certificate a day before it expires, without a restart).
 *
 * <p>Env: see {@link WebhookSettings}; {@code KUBECONFIG} (else the pod's ServiceAccount); {@code
 * METRICS_PROMETHEUS_PORT} (default 9090) and {@code PROBES_PORT} (default 8080) for {@link
 * AdminServer}. {@code /readiness} answers 200 once the server runs and every configuration it
 * serves has been written with its CA.
 *
 * <p>Extra admission steps (the SinkBinding subject webhook) are {@link Extension}s, started once
 * the client exists and served on their own paths. Stopping closes the server, informers and client
 * and ends with exit code 0.
 */
public final class WebhookProgram implements Program {

  /** Upstream's metrics port for the webhook. */
  public static final int DEFAULT_METRICS_PORT = 9090;

  /** How often everything is reconciled even when nothing was seen to change. */
  public static final Duration RESYNC = Duration.ofMinutes(10);

  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  /** How long the SinkBinding cache may take to fill before the webhook gives up starting. */
  private static final Duration SINK_BINDING_SYNC_TIMEOUT = Duration.ofSeconds(60);

  /** An extra admission step, built when the program starts. */
  @FunctionalInterface
  public interface Extension {
    /**
     * The step to serve. Called once on a worker thread (may block, e.g. to sync informers); the
     * step may close what it opened when {@code context.program().stopRequested()} completes.
     */
    AdmissionHandler start(ExtensionContext context) throws Exception;
  }

  /**
   * What an extension is given.
   *
   * @param program the program's context (env, log, Vert.x, stop signal)
   * @param client the webhook's Kubernetes client, closed when the program ends
   * @param settings the webhook's settings
   */
  public record ExtensionContext(
      ProgramContext program, KubernetesClient client, WebhookSettings settings) {}

  private final List<Extension> extensions;
  private final Promise<Integer> port = Promise.promise();
  private final AtomicBoolean ready = new AtomicBoolean();

  /** The webhook with only the built-in steps (defaulting, validation, conversion). */
  public WebhookProgram() {
    this(List.of());
  }

  /** The webhook with the built-in steps and {@code extensions}. */
  public WebhookProgram(List<Extension> extensions) {
    this.extensions = List.copyOf(extensions);
  }

  /** The eventing-webhook as released: the built-in steps plus the SinkBinding step. */
  public static WebhookProgram eventingWebhook() {
    List<Extension> steps = new ArrayList<>();
    steps.add(WebhookProgram::sinkBindingStep);
    return new WebhookProgram(steps);
  }

  /**
   * The SinkBinding subject webhook ({@code /sinkbindings}): a cache of the bindings, kept in sync
   * before the step is served, and the configuration's rules kept covering every subject kind.
   */
  private static AdmissionHandler sinkBindingStep(ExtensionContext context) throws Exception {
    SinkBindingIndex index = new SinkBindingIndex(context.client());
    SinkBindingWebhookRules.follow(context.client(), index);
    context.program().stopRequested().onComplete(stopped -> index.close());
    index.start().get(SINK_BINDING_SYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return new SinkBindingSubjectAdmission(index, context.client().getKubernetesSerialization());
  }

  /**
   * The port the HTTPS server is bound to, once it is (for tests that start on port 0); failed if
   * the program could not start.
   */
  public Future<Integer> port() {
    return port.future();
  }

  /** True once the server runs and the configurations carry its CA. */
  public boolean ready() {
    return ready.get();
  }

  @Override
  public Future<Integer> run(ProgramContext ctx) {
    WebhookSettings settings = WebhookSettings.fromEnv(ctx.env());
    KvLog log = new KvLog(ctx.log());
    // The runtime closes it also if the webhook is killed, ending its informers.
    KubernetesClient client = ctx.resources().own(KubeClients.fromEnv(ctx.env()));
    Running running = new Running(ctx, settings, log, client);
    log.info(
        "starting the webhook",
        "service",
        settings.systemNamespace() + "/" + settings.serviceName(),
        "pod",
        settings.podName(),
        "port",
        settings.port());
    return AdminServer.start(ctx, DEFAULT_METRICS_PORT, ready::get)
        .compose(admin -> running.start())
        .onFailure(port::tryFail)
        .compose(ignored -> ctx.stopRequested())
        .eventually(running::close)
        .map(
            ignored -> {
              log.info("webhook stopped");
              return 0;
            });
  }

  /** One run's resources and its reconcile loop (state touched on the event loop only). */
  private final class Running {
    private final ProgramContext ctx;
    private final WebhookSettings settings;
    private final KvLog log;
    private final KubernetesClient client;
    private final SourceJson json = new SourceJson();
    private final CertificateSecret secret;
    private final ConfigurationReconciler configurations;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private WebhookServer server;
    private ServingCertificate certificate;
    private boolean passRunning;
    private boolean passWanted;
    private long timer = -1;
    private Duration retry = Duration.ofMillis(500);
    private boolean closed;

    Running(ProgramContext ctx, WebhookSettings settings, KvLog log, KubernetesClient client) {
      this.ctx = ctx;
      this.settings = settings;
      this.log = log;
      this.client = client;
      this.secret =
          new CertificateSecret(
              client,
              settings.systemNamespace(),
              settings.secretName(),
              settings.serviceName(),
              ctx.clock());
      this.configurations =
          new ConfigurationReconciler(client, settings.systemNamespace(), settings.serviceName());
    }

    Future<Void> start() {
      return ctx.vertx()
          .executeBlocking(
              () -> {
                ServingCertificate material = secret.reconcile();
                PingDefaultsWatch pingDefaults =
                    new PingDefaultsWatch(client, settings.systemNamespace(), log);
                closeables.add(pingDefaults);
                List<AdmissionHandler> handlers = new ArrayList<>();
                handlers.add(new DefaultingAdmission(json));
                handlers.add(new ValidationAdmission(json, pingDefaults));
                ExtensionContext context = new ExtensionContext(ctx, client, settings);
                for (Extension extension : extensions) {
                  handlers.add(Objects.requireNonNull(extension.start(context), "extension step"));
                }
                return new Started(material, handlers);
              })
          .compose(
              started -> {
                certificate = started.certificate();
                log.info(
                    "webhook certificate in place",
                    "key",
                    settings.systemNamespace() + "/" + settings.secretName());
                return WebhookServer.start(
                    ctx.vertx(),
                    new WebhookServer.Options(
                        ctx.bindHost(),
                        settings.port(),
                        started.certificate(),
                        started.handlers(),
                        List.of(new SourceConversion(json)),
                        WebhookServer.DEFAULT_MAX_BODY_BYTES,
                        log,
                        new WebhookMetrics(ctx.meterRegistry())));
              })
          .map(
              started -> {
                server = started;
                port.tryComplete(started.port());
                log.info("webhook serving", "port", started.port());
                watchConfigurations();
                requestPass();
                return null;
              });
    }

    private record Started(ServingCertificate certificate, List<AdmissionHandler> handlers) {}

    /** Any change to a configuration or CRD asks for a pass (our own writes cause a no-op one). */
    private void watchConfigurations() {
      ResourceEventHandler<Object> trigger =
          new ResourceEventHandler<>() {
            @Override
            public void onAdd(Object obj) {
              fromAnyThread();
            }

            @Override
            public void onUpdate(Object oldObj, Object newObj) {
              fromAnyThread();
            }

            @Override
            public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
              fromAnyThread();
            }
          };
      inform(
          client
              .admissionRegistration()
              .v1()
              .mutatingWebhookConfigurations()
              .inform(cast(trigger), RESYNC.toMillis()));
      inform(
          client
              .admissionRegistration()
              .v1()
              .validatingWebhookConfigurations()
              .inform(cast(trigger), RESYNC.toMillis()));
      inform(
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .inform(cast(trigger), RESYNC.toMillis()));
    }

    @SuppressWarnings("unchecked")
    private <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> handler) {
      return (ResourceEventHandler<T>) (ResourceEventHandler<?>) handler;
    }

    private void inform(SharedIndexInformer<?> informer) {
      closeables.add(informer::close);
    }

    private void fromAnyThread() {
      try {
        ctx.vertx().runOnContext(ignored -> requestPass());
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // Vert.x is closing: the program is ending, nothing is left to reconcile.
      }
    }

    /** Runs a pass now, or right after the running one. Event loop only. */
    private void requestPass() {
      if (closed) {
        return;
      }
      if (passRunning) {
        passWanted = true;
        return;
      }
      passRunning = true;
      passWanted = false;
      if (timer >= 0) {
        ctx.vertx().cancelTimer(timer);
        timer = -1;
      }
      pass()
          .onComplete(
              done -> {
                passRunning = false;
                if (closed) {
                  return;
                }
                Duration next;
                if (done.succeeded() && done.result()) {
                  retry = Duration.ofMillis(500);
                  next = RESYNC;
                } else {
                  if (done.failed()) {
                    log.error(
                        "reconciling the webhook configurations failed; retrying",
                        "key",
                        settings.systemNamespace() + "/" + settings.serviceName(),
                        "error",
                        String.valueOf(done.cause().getMessage()),
                        "retryIn",
                        retry);
                  }
                  next = retry;
                  retry =
                      retry.multipliedBy(2).compareTo(MAX_RETRY) > 0
                          ? MAX_RETRY
                          : retry.multipliedBy(2);
                }
                if (passWanted) {
                  requestPass();
                } else {
                  timer =
                      ctx.vertx()
                          .setTimer(
                              Math.max(1, next.toMillis()),
                              id -> {
                                timer = -1;
                                requestPass();
                              });
                }
              });
    }

    /**
     * One pass: the certificate (renewed in the Secret when due, then served), then the
     * configurations with its CA. Completes with true when everything is configured. Event loop;
     * the API calls run on a worker.
     */
    private Future<Boolean> pass() {
      return ctx.vertx()
          .executeBlocking(secret::reconcile)
          .compose(
              current -> {
                if (current.equals(certificate)) {
                  return Future.succeededFuture(current);
                }
                return server
                    .updateCertificate(current)
                    .map(
                        ignored -> {
                          certificate = current;
                          log.info(
                              "webhook certificate renewed",
                              "key",
                              settings.systemNamespace() + "/" + settings.secretName());
                          return current;
                        });
              })
          .compose(current -> ctx.vertx().executeBlocking(() -> configure(current)));
    }

    /** Writes the configurations (worker thread). True when complete. */
    private boolean configure(ServingCertificate current) {
      ConfigurationReconciler.Outcome outcome = configurations.reconcile(current.caCertPem());
      for (String written : outcome.updated()) {
        log.info("webhook configuration updated", "key", written);
      }
      if (!outcome.complete()) {
        log.warn(
            "webhook configurations incomplete; retrying",
            "key",
            settings.systemNamespace() + "/" + settings.serviceName(),
            "missing",
            String.join("; ", outcome.problems()));
        return false;
      }
      if (ready.compareAndSet(false, true)) {
        log.info("webhook ready", "key", settings.systemNamespace() + "/" + settings.serviceName());
      }
      return true;
    }

    Future<Void> close() {
      closed = true;
      if (timer >= 0) {
        ctx.vertx().cancelTimer(timer);
      }
      Future<Void> stopping = server == null ? Future.succeededFuture() : server.close();
      return stopping
          .eventually(
              () ->
                  ctx.vertx()
                      .executeBlocking(
                          () -> {
                            for (AutoCloseable closeable : closeables) {
                              try {
                                closeable.close();
                              } catch (Exception e) {
                                log.warn("closing failed", "error", String.valueOf(e.getMessage()));
                              }
                            }
                            client.close();
                            return null;
                          }))
          .mapEmpty();
    }
  }
}
