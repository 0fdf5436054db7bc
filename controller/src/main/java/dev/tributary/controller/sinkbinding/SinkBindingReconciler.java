package dev.tributary.controller.sinkbinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.sinkbinding.BindingSelection;
import dev.tributary.api.sources.sinkbinding.PodSpecable;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingDefaults;
import dev.tributary.api.sources.sinkbinding.SinkBindingLifecycle;
import dev.tributary.api.sources.sinkbinding.SinkBindingSpec;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.api.sources.sinkbinding.SubjectMutation;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.EventRecorder;
import dev.tributary.controller.Finalizer;
import dev.tributary.controller.ObjectKey;
import dev.tributary.controller.Reconciler;
import dev.tributary.controller.Result;
import dev.tributary.controller.Tracker;
import dev.tributary.controller.sink.ResolvedSink;
import dev.tributary.controller.sink.SinkNotFound;
import dev.tributary.controller.sink.SinkResolution;
import dev.tributary.controller.sink.SinkResolver;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a SinkBinding (spec §6): resolves its sink, finds its subjects (by name or label
 * selector, any PodSpecable kind, read through the generic API) and patches each one's pod template
 * with the binding, or with the binding removed when the sink does not resolve (so subjects never
 * keep a stale sink: the fix for knative/eventing#5835). As a {@link Finalizer} it removes the
 * binding from every subject before the SinkBinding goes.
 *
 * <p>Status through {@link SinkBindingLifecycle}: SinkProvided True with {@code sinkUri}, or False
 * {@code NoAddressable} (and a {@code SinkNotFound} Warning Event); SinkBindingAvailable True once
 * every subject is patched, else False {@code SubjectMissing} / {@code SubjectUnavailable} / {@code
 * BindingFailed} with the error; the OIDC and trust-bundle conditions True (Tributary has neither
 * feature). Subjects and namespaces the {@link BindingSelection} leaves out are not touched, and
 * each one left out is logged with its key. An existing batch Job refuses a changed pod template
 * (422): it keeps the template it was created with (bound or not by the webhook at creation), which
 * is logged and recorded as a Normal {@value #REASON_SUBJECT_IMMUTABLE} Event rather than failing
 * the binding or blocking its deletion (upstream fails with BindingFailed and retries forever).
 *
 * <p>Every patch goes through admission, where the SinkBinding webhook applies the binding again
 * from its own cache of SinkBindings; when the stored subject shows the webhook undid the patch
 * (its cache is behind this binding's status or deletion), the binding is reconciled again shortly,
 * and its finalizer is not released until every subject really is unbound.
 *
 * <p>The tracker re-reconciles the binding when its sink or a subject changes. Blocks on API calls;
 * called by the controller's workers, never twice at once for one binding.
 */
public final class SinkBindingReconciler
    implements Reconciler<SinkBinding>, Finalizer<SinkBinding> {

  /**
   * Reason of the Normal Event recorded when an existing Job cannot take a changed binding (its pod
   * template is immutable).
   */
  public static final String REASON_SUBJECT_IMMUTABLE = "SubjectImmutable";

  private static final Logger LOG = LoggerFactory.getLogger(SinkBindingReconciler.class);
  private static final int HTTP_UNPROCESSABLE_ENTITY = 422;
  private static final Duration ADMISSION_RETRY = Duration.ofMillis(500);

  private final KubernetesClient client;
  private final EventRecorder recorder;
  private final SinkResolver resolver;
  private final Tracker tracker;
  private final BindingSelection selection;
  private final Clock clock;

  /**
   * @param client patches subjects and reads their namespaces
   * @param recorder records Events about subjects left as they are
   * @param resolver resolves {@code spec.sink}; it tracks the sink for this binding
   * @param tracker re-enqueues a binding when one of its subjects changes
   * @param selection which namespaces and objects may be bound
   * @param clock stamps condition transitions
   */
  public SinkBindingReconciler(
      KubernetesClient client,
      EventRecorder recorder,
      SinkResolver resolver,
      Tracker tracker,
      BindingSelection selection,
      Clock clock) {
    this.client = client;
    this.recorder = recorder;
    this.resolver = resolver;
    this.tracker = tracker;
    this.selection = selection;
    this.clock = clock;
  }

  @Override
  public Result reconcile(SinkBinding binding) {
    ObjectKey key = ObjectKey.of(binding);
    SinkBindingStatus status =
        binding.getStatus() == null ? new SinkBindingStatus() : binding.getStatus();
    binding.setStatus(status);
    SinkBindingLifecycle lifecycle = new SinkBindingLifecycle(status, clock);
    lifecycle.initialize();
    lifecycle.markOidcDisabled();
    status.setOidcTokenSecretName(null);
    lifecycle.markTrustBundlePropagated();

    SinkBindingSpec spec = SinkBindingDefaults.apply(binding).getSpec();
    Destination sink = spec.sink() == null ? new Destination(null, null, null, null) : spec.sink();
    SubjectMutation mutation;
    Result onSuccess;
    switch (resolver.resolve(sink, binding)) {
      case SinkResolution.Resolved resolved -> {
        ResolvedSink resolvedSink = resolved.sink();
        lifecycle.markSink(
            resolvedSink.url().toString(), resolvedSink.caCerts(), resolvedSink.audience());
        mutation =
            new SubjectMutation.Inject(
                resolvedSink.url().toString(), resolvedSink.caCerts(), spec.ceOverrides());
        onSuccess = Result.done();
      }
      case SinkResolution.Unresolved unresolved -> {
        LOG.info("key={} sink not resolved, unbinding subjects: {}", key, unresolved.message());
        lifecycle.markNoAddressable(unresolved.message());
        mutation = SubjectMutation.UNDO;
        onSuccess = Result.reported(SinkNotFound.event(sink));
      }
    }
    Result bound = bindSubjects(binding, spec.subject(), mutation, lifecycle);
    return bound instanceof Result.Done ? onSuccess : bound;
  }

  @Override
  public Result finalizeKind(SinkBinding binding) {
    ObjectKey key = ObjectKey.of(binding);
    SinkBindingSpec spec = SinkBindingDefaults.apply(binding).getSpec();
    SinkBindingStatus status =
        binding.getStatus() == null ? new SinkBindingStatus() : binding.getStatus();
    Result result =
        bindSubjects(
            binding, spec.subject(), SubjectMutation.UNDO, new SinkBindingLifecycle(status, clock));
    if (result instanceof Result.Failed failed
        && failed.error() instanceof KubernetesClientException e
        && (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND
            || e.getCode() == HttpURLConnection.HTTP_FORBIDDEN)) {
      // As upstream: a subject kind that is gone or forbidden has nothing left to undo.
      LOG.info(
          "key={} subjects not readable while unbinding, nothing to undo: {}", key, e.getMessage());
      result = Result.done();
    }
    if (result instanceof Result.Done) {
      tracker.untrack(key);
      LOG.info("key={} binding removed from its subjects", key);
    }
    return result;
  }

  private Result bindSubjects(
      SinkBinding binding,
      Reference subject,
      SubjectMutation mutation,
      SinkBindingLifecycle lifecycle) {
    ObjectKey key = ObjectKey.of(binding);
    String namespace = binding.getMetadata().getNamespace();
    tracker.track(subject, key);
    List<GenericKubernetesResource> subjects;
    try {
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          kind =
              client
                  .genericKubernetesResources(subject.apiVersion(), subject.kind())
                  .inNamespace(namespace);
      if (subject.name() != null && !subject.name().isEmpty()) {
        GenericKubernetesResource named = kind.withName(subject.name()).get();
        if (named == null) {
          String message = notFound(subject);
          LOG.info("key={} subject missing: {}", key, message);
          lifecycle.markBindingUnavailable(SinkBindingLifecycle.REASON_SUBJECT_MISSING, message);
          return Result.done();
        }
        subjects = List.of(named);
      } else {
        subjects = kind.withLabelSelector(subject.selector()).list().getItems();
      }
    } catch (KubernetesClientException e) {
      LOG.warn(
          "key={} cannot read subjects {} {}: {}",
          key,
          subject.apiVersion(),
          subject.kind(),
          e.getMessage());
      lifecycle.markBindingUnavailable(
          SinkBindingLifecycle.REASON_SUBJECT_UNAVAILABLE, String.valueOf(e.getMessage()));
      return Result.failed(e);
    }
    Map<String, String> namespaceLabels = namespaceLabels(key, namespace);
    List<String> failures = new ArrayList<>();
    KubernetesClientException lastError = null;
    boolean retry = false;
    for (GenericKubernetesResource object : subjects) {
      String subjectKey = ObjectKey.of(object).toString();
      if (!selection.selects(namespaceLabels)
          || !selection.selects(object.getMetadata().getLabels())) {
        LOG.info(
            "key={} subject={} left untouched: excluded by its {} labels ({} mode)",
            key,
            subjectKey,
            selection.selects(namespaceLabels) ? "own" : "namespace's",
            selection.name().toLowerCase(Locale.ROOT));
        continue;
      }
      String group = group(object.getApiVersion());
      JsonNode tree = PodSpecable.readObject(client.getKubernetesSerialization().asJson(object));
      if (!PodSpecable.hasPodTemplate(tree, group, object.getKind())) {
        String message =
            "subject "
                + object.getMetadata().getName()
                + " has no pod template at "
                + PodSpecable.templatePointer(group, object.getKind());
        LOG.warn("key={} subject={} cannot be bound: {}", key, subjectKey, message);
        failures.add(message);
        continue;
      }
      ArrayNode patch =
          PodSpecable.patch(
              tree, group, object.getKind(), mutation, client.getKubernetesSerialization());
      if (patch.isEmpty()) {
        continue;
      }
      try {
        GenericKubernetesResource stored =
            client
                .genericKubernetesResources(object.getApiVersion(), object.getKind())
                .inNamespace(namespace)
                .withName(object.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON), patch.toString());
        JsonNode after = PodSpecable.readObject(client.getKubernetesSerialization().asJson(stored));
        if (!PodSpecable.patch(
                after, group, object.getKind(), mutation, client.getKubernetesSerialization())
            .isEmpty()) {
          // The admission webhook rewrote our patch from a binding cache that has not yet seen
          // this binding's latest status (or deletion); the subject event that brings us back may
          // never come if the write was a no-op, so come back ourselves.
          LOG.info(
              "key={} subject={} admission undid the patch (webhook cache behind), retrying",
              key,
              subjectKey);
          retry = true;
          continue;
        }
        LOG.info(
            "key={} subject={} {}",
            key,
            subjectKey,
            mutation instanceof SubjectMutation.Undo ? "unbound" : "bound");
      } catch (KubernetesClientException e) {
        if (isImmutableJob(object, e)) {
          // A Job's pod template cannot change once created (its pods may already run): the
          // binding reaches Jobs when they are admitted, and cannot be changed or removed later.
          String message =
              "Job \""
                  + object.getMetadata().getName()
                  + "\" keeps the pod template it was created with: a Job's template is immutable";
          LOG.info("key={} subject={} left as created: {}", key, subjectKey, message);
          recorder.normal(binding, REASON_SUBJECT_IMMUTABLE, message);
          continue;
        }
        String message =
            "failed binding subject " + object.getMetadata().getName() + ": " + e.getMessage();
        LOG.warn("key={} subject={} {} patch={}", key, subjectKey, message, patch);
        failures.add(message);
        lastError = e;
      }
    }
    if (!failures.isEmpty()) {
      String message = String.join("; ", failures);
      lifecycle.markBindingUnavailable(SinkBindingLifecycle.REASON_BINDING_FAILED, message);
      return Result.failed(lastError != null ? lastError : new IllegalStateException(message));
    }
    if (retry) {
      return Result.requeueAfter(ADMISSION_RETRY);
    }
    lifecycle.markBindingAvailable();
    return Result.done();
  }

  /**
   * The labels of {@code namespace}; adds {@code bindings.knative.dev/include: "true"} when it has
   * neither selection label, as upstream does so inclusion mode works where bindings exist.
   */
  private Map<String, String> namespaceLabels(ObjectKey key, String namespace) {
    Namespace ns;
    try {
      ns = client.namespaces().withName(namespace).get();
    } catch (KubernetesClientException e) {
      // Without its labels the namespace cannot be shown to be excluded; treat it as unlabelled,
      // which in inclusion mode means "not selected".
      LOG.warn("key={} cannot read namespace {}: {}", key, namespace, e.getMessage());
      return Map.of();
    }
    Map<String, String> labels =
        ns == null || ns.getMetadata().getLabels() == null
            ? Map.of()
            : ns.getMetadata().getLabels();
    if (ns != null
        && !labels.containsKey(BindingSelection.INCLUDE_LABEL)
        && !labels.containsKey(BindingSelection.EXCLUDE_LABEL)) {
      try {
        client
            .namespaces()
            .withName(namespace)
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\""
                    + BindingSelection.INCLUDE_LABEL
                    + "\":\"true\"}}}");
        LOG.info(
            "key={} labelled namespace {} {}=true", key, namespace, BindingSelection.INCLUDE_LABEL);
        Map<String, String> withInclude = new HashMap<>(labels);
        withInclude.put(BindingSelection.INCLUDE_LABEL, "true");
        return withInclude;
      } catch (KubernetesClientException e) {
        LOG.warn("key={} cannot label namespace {}: {}", key, namespace, e.getMessage());
      }
    }
    return labels;
  }

  /** apimachinery's NotFound message for the subject, its resource guessed from the kind. */
  private static String notFound(Reference subject) {
    String group = group(subject.apiVersion());
    String resource = plural(subject.kind());
    return (group.isEmpty() ? resource : resource + "." + group)
        + " \""
        + subject.name()
        + "\" not found";
  }

  /** apimachinery's {@code UnsafeGuessKindToResource}: the lower-case plural of a kind. */
  static String plural(String kind) {
    String singular = kind.toLowerCase(Locale.ROOT);
    if (singular.endsWith("s")) {
      return singular + "es";
    }
    if (singular.endsWith("y")) {
      return singular.substring(0, singular.length() - 1) + "ies";
    }
    return singular + "s";
  }

  private static boolean isImmutableJob(
      GenericKubernetesResource object, KubernetesClientException e) {
    return e.getCode() == HTTP_UNPROCESSABLE_ENTITY
        && "Job".equals(object.getKind())
        && "batch".equals(group(object.getApiVersion()));
  }

  static String group(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
