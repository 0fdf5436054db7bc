package dev.tributary.controller.apiserver;

import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.apiserver.ApiServerSource;
import dev.tributary.api.sources.apiserver.ApiServerSourceDefaults;
import dev.tributary.api.sources.apiserver.ApiServerSourceLifecycle;
import dev.tributary.api.sources.apiserver.ApiServerSourcePermissions;
import dev.tributary.api.sources.apiserver.ApiServerSourceSpec;
import dev.tributary.api.sources.apiserver.ApiServerSourceStatus;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.Finalizer;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.Tracker;
import dev.tributary.controller.apiserver.resources.ReceiveAdapter;
import dev.tributary.controller.children.ChildMessages;
import dev.tributary.controller.children.ChildRecipe;
import dev.tributary.controller.children.ChildReconciler;
import dev.tributary.controller.children.JsonTrees;
import dev.tributary.controller.sink.ResolvedSink;
import dev.tributary.controller.sink.SinkNotFound;
import dev.tributary.controller.sink.SinkResolution;
import dev.tributary.controller.sink.SinkResolver;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code apiserversource} reconciler: resolves the sink, works out the namespaces to
 * watch ({@code status.namespaces}), checks the ServiceAccount's permissions with
 * SubjectAccessReviews (SufficientPermissions), creates or updates the receive-adapter Deployment
 * ({@link ReceiveAdapter}), mirrors its availability (Deployed) and publishes {@code ceAttributes}.
 *
 * <p>Insufficient permissions: upstream returns an error, so the source is retried with a growing
 * backoff and a {@code Warning InternalError} Event. Here the same Event is recorded and the source
 * is re-checked after a fixed {@code permissionRecheck} delay, so it turns Ready soon after the
 * RBAC is added, however long it waited. No adapter is created while permissions are missing, as
 * upstream.
 *
 * <p>Namespaces selected by label are tracked, so a namespace added, relabelled or deleted
 * re-reconciles the source. Called on worker threads; blocks on API calls.
 */
public final class ApiServerSourceReconciler
    implements Reconciler<ApiServerSource>, Finalizer<ApiServerSource> {

  /** The Event recorded when the adapter Deployment is created. */
  public static final String DEPLOYMENT_CREATED = "ApiServerSourceDeploymentCreated";

  /** The Event recorded when the adapter Deployment is updated. */
  public static final String DEPLOYMENT_UPDATED = "ApiServerSourceDeploymentUpdated";

  private static final Logger LOG = LoggerFactory.getLogger(ApiServerSourceReconciler.class);

  /**
   * What the reconciler needs beyond its collaborators.
   *
   * @param image {@code APISERVER_RA_IMAGE}
   * @param systemNamespace {@code SYSTEM_NAMESPACE}
   * @param ceSource the API server URL, the {@code source} of the events ({@code ceAttributes})
   * @param configEnv the logging/observability variables passed to the adapter
   * @param nodeSelector the adapter pods' node selector, or empty
   * @param permissionRecheck how soon to check permissions again while they are insufficient
   */
  public record Settings(
      String image,
      String systemNamespace,
      String ceSource,
      List<EnvVar> configEnv,
      Map<String, String> nodeSelector,
      Duration permissionRecheck) {}

  private final KubernetesClient client;
  private final SinkResolver sinks;
  private final Tracker tracker;
  private final ChildReconciler children;
  private final PermissionCheck permissions;
  private final EventRecorder recorder;
  private final Settings settings;
  private final JsonTrees trees;
  private final Clock clock;

  public ApiServerSourceReconciler(
      KubernetesClient client,
      SinkResolver sinks,
      Tracker tracker,
      ChildReconciler children,
      PermissionCheck permissions,
      EventRecorder recorder,
      Settings settings,
      Clock clock) {
    this.client = client;
    this.sinks = sinks;
    this.tracker = tracker;
    this.children = children;
    this.permissions = permissions;
    this.recorder = recorder;
    this.settings = settings;
    this.trees = new JsonTrees(client.getKubernetesSerialization());
    this.clock = clock;
  }

  @Override
  public Result reconcile(ApiServerSource source) {
    if (source.getStatus() == null) {
      source.setStatus(new ApiServerSourceStatus());
    }
    ApiServerSourceLifecycle lifecycle = new ApiServerSourceLifecycle(source.getStatus(), clock);
    lifecycle.initialize();
    lifecycle.markOidcDisabled();
    ApiServerSourceSpec spec = ApiServerSourceDefaults.apply(source);
    String namespace = source.getMetadata().getNamespace();

    Destination dest =
        (spec.sink() == null ? new Destination(null, null, null, null) : spec.sink())
            .withDefaultNamespace(namespace);
    ResolvedSink sink;
    switch (sinks.resolve(dest, source)) {
      case SinkResolution.Unresolved unresolved -> {
        LOG.info("key={} sink not resolved: {}", ObjectKey.of(source), unresolved.message());
        lifecycle.markNoSink("NotFound", "");
        return Result.reported(SinkNotFound.event(dest));
      }
      case SinkResolution.Resolved resolved -> {
        sink = resolved.sink();
        lifecycle.markSink(sink.url().toString(), sink.caCerts(), sink.audience());
      }
    }

    List<String> namespaces = namespaces(source, spec.namespaceSelector());
    lifecycle.setNamespaces(namespaces);

    boolean skipCheck =
        ApiServerSourcePermissions.skipsCheck(source.getMetadata().getAnnotations());
    if (skipCheck) {
      lifecycle.markSufficientPermissions();
    } else {
      Optional<String> denied = permissions.denied(namespace, spec, namespaces);
      if (denied.isPresent()) {
        lifecycle.markNoSufficientPermissions("", denied.get());
        LOG.info("key={} insufficient permissions: {}", ObjectKey.of(source), denied.get());
        recorder.warning(source, "InternalError", "insufficient permissions: " + denied.get());
        return Result.requeueAfter(settings.permissionRecheck());
      }
      lifecycle.markSufficientPermissions();
    }

    ApiServerSource defaulted = withSpec(source, spec);
    Deployment desired =
        ReceiveAdapter.make(
            new ReceiveAdapter.Args(
                settings.image(),
                defaulted,
                sink.url().toString(),
                sink.caCerts(),
                sink.audience(),
                settings.systemNamespace(),
                settings.configEnv(),
                namespaces,
                isEmpty(spec.namespaceSelector()),
                settings.nodeSelector(),
                skipCheck));
    String name = desired.getMetadata().getName();
    Deployment adapter =
        children.reconcile(
            source,
            new ChildRecipe<>(
                desired,
                Deployment.class,
                (live, want) ->
                    !ReceiveAdapter.podSpecChanged(
                        live.getSpec().getTemplate().getSpec(),
                        want.getSpec().getTemplate().getSpec(),
                        trees),
                (live, want) -> {
                  live.getSpec().getTemplate().setSpec(want.getSpec().getTemplate().getSpec());
                  return live;
                },
                new ChildMessages(
                    DEPLOYMENT_CREATED,
                    "Deployment created",
                    DEPLOYMENT_UPDATED,
                    "Deployment \"" + name + "\" updated",
                    "deployment \""
                        + name
                        + "\" is not owned by ApiServerSource \""
                        + source.getMetadata().getName()
                        + "\"")));
    lifecycle.propagateDeploymentAvailability(adapter);
    lifecycle.setCeAttributes(spec.mode(), settings.ceSource());
    return Result.done();
  }

  /**
   * Upstream's {@code namespacesFromSelector}: no selector, the source's namespace; otherwise the
   * names of the namespaces matching it, sorted (an empty selector matches all).
   */
  private List<String> namespaces(ApiServerSource source, LabelSelector selector) {
    if (selector == null) {
      return List.of(source.getMetadata().getNamespace());
    }
    // Any namespace change re-reconciles the source, as upstream's global resync on namespace
    // events: tracking only the selector would miss a namespace relabelled out of it (the tracker
    // matches an update against the new labels). Namespaces are cluster-scoped, so the
    // reference's namespace is null, as theirs is.
    tracker.track(
        Reference.bySelector("v1", "Namespace", null, new LabelSelector()), ObjectKey.of(source));
    return client.namespaces().withLabelSelector(selector).list().getItems().stream()
        .map(Namespace::getMetadata)
        .map(m -> m.getName())
        .sorted()
        .toList();
  }

  private static boolean isEmpty(LabelSelector selector) {
    return selector != null
        && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  private ApiServerSource withSpec(ApiServerSource source, ApiServerSourceSpec spec) {
    ApiServerSource copy = client.getKubernetesSerialization().clone(source);
    copy.setSpec(spec);
    return copy;
  }

  /** Upstream empties {@code ceAttributes} so event types can be cleaned up, and lets go. */
  @Override
  public Result finalizeKind(ApiServerSource source) {
    if (source.getStatus() != null) {
      new ApiServerSourceLifecycle(source.getStatus(), clock).clearCeAttributes();
    }
    tracker.untrack(ObjectKey.of(source));
    return Result.done();
  }
}
