package dev.tributary.webhook.sinkbinding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.SourceConditions;
import dev.tributary.api.k8s.LabelSelectorMatcher;
import dev.tributary.api.sources.sinkbinding.PodSpecable;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingSpec;
import dev.tributary.api.sources.sinkbinding.SinkBindingStatus;
import dev.tributary.api.sources.sinkbinding.SubjectMutation;
import dev.tributary.api.tracker.Reference;
import dev.tributary.webhook.AdmissionHandler;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SinkBinding admission step (knative.dev/pkg's psbinding {@code Admit}, spec §6.4), served at
 * {@value #PATH}: on CREATE or UPDATE of a PodSpecable object it finds the SinkBinding that selects
 * it and answers with a JSONPatch binding the object's pod template to the binding's resolved sink.
 *
 * <p>A binding matching the object by name wins over one matching it by label selector (then the
 * first by name, for determinism), as upstream. What is injected comes from the binding's status,
 * which the controller keeps: the sink in {@code status.sinkUri}/{@code sinkCACerts} when
 * SinkProvided is True; the binding removed (Undo) when SinkProvided is False or the binding is
 * being deleted; the object left as it is when the status does not yet describe the binding's
 * current generation (the controller patches the subject once it has resolved the sink; a Job,
 * whose template is immutable, admitted in that short window stays unbound, where upstream would
 * resolve the sink during admission).
 *
 * <p>Other operations, subresources and objects no binding selects are allowed untouched.
 * Thread-safe if the lister is; never calls the API server.
 */
public final class SinkBindingSubjectAdmission implements AdmissionHandler {

  /** The path upstream serves SinkBinding admission at. */
  public static final String PATH = "/sinkbindings";

  private static final Logger LOG = LoggerFactory.getLogger(SinkBindingSubjectAdmission.class);

  private final SinkBindingLister bindings;
  private final KubernetesSerialization serialization;

  /**
   * @param bindings the SinkBindings, e.g. a started {@link SinkBindingIndex}
   * @param serialization fabric8's, to read the admitted object and pod specs
   */
  public SinkBindingSubjectAdmission(
      SinkBindingLister bindings, KubernetesSerialization serialization) {
    this.bindings = bindings;
    this.serialization = serialization;
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public AdmissionResponse admit(AdmissionRequest request) {
    String operation = request.getOperation();
    if (!("CREATE".equals(operation) || "UPDATE".equals(operation))
        || request.getObject() == null
        || (request.getSubResource() != null && !request.getSubResource().isEmpty())) {
      return allowed();
    }
    JsonNode object = PodSpecable.readObject(serialization.asJson(request.getObject()));
    String group = request.getKind() == null ? "" : nz(request.getKind().getGroup());
    String kind = request.getKind() == null ? "" : nz(request.getKind().getKind());
    String namespace = nz(request.getNamespace());
    String name = object.path("metadata").path("name").asText(nz(request.getName()));
    Map<String, String> labels = labels(object.path("metadata").path("labels"));
    String key = namespace + "/" + name;

    Optional<SinkBinding> binding = find(group, kind, namespace, name, labels);
    if (binding.isEmpty()) {
      return allowed();
    }
    String bindingKey = namespace + "/" + binding.get().getMetadata().getName();
    Optional<SubjectMutation> mutation = mutationFor(binding.get());
    if (mutation.isEmpty()) {
      LOG.info(
          "key={} binding={} kind={}.{} left as it is: the binding's sink is not resolved yet",
          key,
          bindingKey,
          kind,
          group);
      return allowed();
    }
    ArrayNode patch = PodSpecable.patch(object, group, kind, mutation.get(), serialization);
    if (patch.isEmpty()) {
      return allowed();
    }
    LOG.info(
        "key={} binding={} kind={}.{} {} on {}",
        key,
        bindingKey,
        kind,
        group,
        mutation.get() instanceof SubjectMutation.Undo ? "unbound" : "bound",
        operation);
    AdmissionResponse response = allowed();
    response.setPatchType("JSONPatch");
    response.setPatch(
        Base64.getEncoder().encodeToString(patch.toString().getBytes(StandardCharsets.UTF_8)));
    return response;
  }

  /**
   * The binding for an object: one naming it if any, else the first (by name) whose selector
   * matches its labels.
   */
  Optional<SinkBinding> find(
      String group, String kind, String namespace, String name, Map<String, String> labels) {
    SinkBinding bySelector = null;
    for (SinkBinding binding : bindings.inNamespace(namespace)) {
      SinkBindingSpec spec = binding.getSpec();
      Reference subject = spec == null ? null : spec.subject();
      if (subject == null
          || !kind.equals(subject.kind())
          || !group.equals(group(subject.apiVersion()))
          || !namespace.equals(subjectNamespace(binding, subject))) {
        continue;
      }
      if (subject.name() != null && !subject.name().isEmpty()) {
        if (subject.name().equals(name)) {
          return Optional.of(binding);
        }
      } else if (subject.selector() != null
          && LabelSelectorMatcher.matches(subject.selector(), labels)
          && (bySelector == null || byName().compare(binding, bySelector) < 0)) {
        bySelector = binding;
      }
    }
    return Optional.ofNullable(bySelector);
  }

  /**
   * What {@code binding} does to its subjects now: Undo while it is being deleted or when its sink
   * did not resolve; Inject its resolved sink when SinkProvided is True; nothing (empty) while its
   * status does not describe its current spec.
   */
  static Optional<SubjectMutation> mutationFor(SinkBinding binding) {
    if (binding.getMetadata().getDeletionTimestamp() != null) {
      return Optional.of(SubjectMutation.UNDO);
    }
    SinkBindingStatus status = binding.getStatus();
    if (status == null
        || !Objects.equals(status.getObservedGeneration(), binding.getMetadata().getGeneration())) {
      return Optional.empty();
    }
    Optional<Condition> sinkProvided =
        status.getConditions().stream()
            .filter(c -> SourceConditions.SINK_PROVIDED.equals(c.type()))
            .findFirst();
    if (sinkProvided.isEmpty() || sinkProvided.get().isUnknown()) {
      return Optional.empty();
    }
    if (sinkProvided.get().isFalse()
        || status.getSinkUri() == null
        || status.getSinkUri().isEmpty()) {
      return Optional.of(SubjectMutation.UNDO);
    }
    return Optional.of(
        new SubjectMutation.Inject(
            status.getSinkUri(),
            status.getSinkCACerts(),
            binding.getSpec() == null ? null : binding.getSpec().ceOverrides()));
  }

  private static AdmissionResponse allowed() {
    AdmissionResponse response = new AdmissionResponse();
    response.setAllowed(true);
    return response;
  }

  private static Comparator<SinkBinding> byName() {
    return Comparator.comparing(b -> b.getMetadata().getName());
  }

  private static String subjectNamespace(SinkBinding binding, Reference subject) {
    return subject.namespace() == null || subject.namespace().isEmpty()
        ? nz(binding.getMetadata().getNamespace())
        : subject.namespace();
  }

  private static Map<String, String> labels(JsonNode labels) {
    Map<String, String> out = new HashMap<>();
    labels.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static String group(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
