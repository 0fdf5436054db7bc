package dev.tributary.controller.ping;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceLifecycle;
import dev.tributary.api.sources.ping.PingSourceStatus;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.Finalizer;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.Tracker;
import dev.tributary.controller.children.JsonTrees;
import dev.tributary.controller.ping.resources.MtAdapter;
import dev.tributary.controller.sink.SinkNotFound;
import dev.tributary.controller.sink.SinkResolution;
import dev.tributary.controller.sink.SinkResolver;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code pingsource} reconciler: resolves the sink (SinkProvided, {@code sinkUri}),
 * ensures the shared {@code pingsource-mt-adapter} Deployment's dispatcher env and scales it from 0
 * to 1 ({@code Normal PingSourceDeploymentUpdated}), mirrors its availability (Deployed), and
 * publishes {@code ceAttributes}. OIDC is reported disabled.
 *
 * <p>The adapter Deployment is tracked before it is read, so sources are re-reconciled when it is
 * created or changes (upstream tracks it only once it exists). A missing Deployment fails the
 * reconcile with the API's NotFound message, leaving Deployed Unknown, as upstream; it is retried
 * with backoff and by the tracker when the Deployment appears.
 *
 * <p>Called on worker threads; blocks on API calls.
 */
public final class PingSourceReconciler implements Reconciler<PingSource>, Finalizer<PingSource> {

  /** The Event recorded when the adapter Deployment was changed. */
  public static final String DEPLOYMENT_UPDATED = "PingSourceDeploymentUpdated";

  private static final Logger LOG = LoggerFactory.getLogger(PingSourceReconciler.class);

  private final KubernetesClient client;
  private final SinkResolver sinks;
  private final Tracker tracker;
  private final EventRecorder recorder;
  private final String systemNamespace;
  private final List<EnvVar> adapterEnv;
  private final JsonTrees trees;
  private final Clock clock;

  /**
   * @param systemNamespace where the adapter Deployment lives ({@code SYSTEM_NAMESPACE})
   * @param adapterArgs what to put in the adapter's env
   */
  public PingSourceReconciler(
      KubernetesClient client,
      SinkResolver sinks,
      Tracker tracker,
      EventRecorder recorder,
      String systemNamespace,
      MtAdapter.Args adapterArgs,
      Clock clock) {
    this.client = client;
    this.sinks = sinks;
    this.tracker = tracker;
    this.recorder = recorder;
    this.systemNamespace = systemNamespace;
    this.adapterEnv = MtAdapter.env(adapterArgs);
    this.trees = new JsonTrees(client.getKubernetesSerialization());
    this.clock = clock;
  }

  @Override
  public Result reconcile(PingSource source) {
    if (source.getStatus() == null) {
      source.setStatus(new PingSourceStatus());
    }
    PingSourceLifecycle lifecycle = new PingSourceLifecycle(source.getStatus(), clock);
    lifecycle.initialize();
    lifecycle.markOidcDisabled();

    Destination sink =
        source.getSpec() == null || source.getSpec().sink() == null
            ? new Destination(null, null, null, null)
            : source.getSpec().sink();
    Destination dest = sink.withDefaultNamespace(source.getMetadata().getNamespace());
    switch (sinks.resolve(dest, source)) {
      case SinkResolution.Unresolved unresolved -> {
        LOG.info("key={} sink not resolved: {}", ObjectKey.of(source), unresolved.message());
        lifecycle.markNoSink("NotFound", "");
        return Result.reported(SinkNotFound.event(dest));
      }
      case SinkResolution.Resolved resolved ->
          lifecycle.markSink(
              resolved.sink().url().toString(),
              resolved.sink().caCerts(),
              resolved.sink().audience());
    }

    tracker.track(
        Reference.byName("apps/v1", "Deployment", systemNamespace, MtAdapter.NAME),
        ObjectKey.of(source));
    Deployment adapter = reconcileAdapter(source);
    lifecycle.propagateDeploymentAvailability(adapter);
    lifecycle.markCeAttributes(source.getMetadata().getNamespace(), source.getMetadata().getName());
    return Result.done();
  }

  private Deployment reconcileAdapter(PingSource source) {
    Deployment live =
        client.apps().deployments().inNamespace(systemNamespace).withName(MtAdapter.NAME).get();
    if (live == null) {
      LOG.error(
          "key={} PingSource adapter deployment doesn't exist: {}/{}",
          ObjectKey.of(source),
          systemNamespace,
          MtAdapter.NAME);
      throw new KubernetesClientException(
          "deployments.apps \"" + MtAdapter.NAME + "\" not found",
          HttpURLConnection.HTTP_NOT_FOUND,
          null);
    }
    if (MtAdapter.dispatcher(live).isEmpty()) {
      LOG.error(
          "key={} invalid {} deployment: missing the {} container",
          ObjectKey.of(source),
          MtAdapter.NAME,
          MtAdapter.CONTAINER);
      return live;
    }
    if (!MtAdapter.needsUpdate(live, adapterEnv, trees)) {
      return live;
    }
    Deployment updated = client.resource(MtAdapter.withEnv(live, adapterEnv)).update();
    recorder.normal(source, DEPLOYMENT_UPDATED, "PingSource adapter deployment updated");
    return updated;
  }

  /** Upstream clears {@code ceAttributes} so event types can be cleaned up, and lets go. */
  @Override
  public Result finalizeKind(PingSource source) {
    if (source.getStatus() != null) {
      new PingSourceLifecycle(source.getStatus(), clock).clearCeAttributes();
    }
    tracker.untrack(ObjectKey.of(source));
    return Result.done();
  }
}
