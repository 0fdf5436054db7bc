package dev.tributary.controller.container.resources;

import dev.tributary.api.sources.container.ContainerSource;
import dev.tributary.api.sources.container.ContainerSourceNames;
import dev.tributary.api.sources.container.ContainerSourceSpec;
import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.sources.sinkbinding.SinkBindingSpec;
import dev.tributary.api.tracker.Reference;
import dev.tributary.controller.children.ControllerRefs;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two objects a ContainerSource owns, as upstream's {@code resources.MakeDeployment} and {@code
 * resources.MakeSinkBinding} (spec §5.2). Pure: the source is never changed.
 */
public final class ContainerSourceChildren {

  /** {@code sources.knative.dev/source} label value: upstream's controller name. */
  public static final String CONTROLLER_NAME = "container-source-controller";

  private ContainerSourceChildren() {}

  /** The labels added to the pod template. */
  public static Map<String, String> labels(String sourceName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("sources.knative.dev/source", CONTROLLER_NAME);
    labels.put("sources.knative.dev/containerSource", sourceName);
    return labels;
  }

  /**
   * {@code <name>-deployment}: the source's pod template with {@link #labels} added; the
   * Deployment's labels, annotations and selector are the template's labels and annotations;
   * replicas unset (1).
   */
  public static Deployment deployment(ContainerSource source) {
    ContainerSourceSpec spec = source.getSpec();
    PodTemplateSpec template =
        spec.template() == null
            ? new PodTemplateSpec()
            : new PodTemplateSpecBuilder(spec.template()).build();
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMetaBuilder().build());
    }
    Map<String, String> templateLabels =
        template.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(template.getMetadata().getLabels());
    templateLabels.putAll(labels(source.getMetadata().getName()));
    template.getMetadata().setLabels(templateLabels);
    Map<String, String> annotations = template.getMetadata().getAnnotations();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(source.getMetadata().getNamespace())
        .withName(ContainerSourceNames.deployment(source.getMetadata().getName()))
        .withOwnerReferences(ControllerRefs.of(source))
        .withLabels(new LinkedHashMap<>(templateLabels))
        .withAnnotations(annotations == null ? null : new LinkedHashMap<>(annotations))
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(new LinkedHashMap<>(templateLabels))
        .endSelector()
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /**
   * {@code <name>-sinkbinding}: the source's sink, ceOverrides (and delivery) bound to its
   * Deployment ({@code apps/v1 Deployment <ns>/<name>-deployment}).
   */
  public static SinkBinding sinkBinding(ContainerSource source) {
    String namespace = source.getMetadata().getNamespace();
    String name = source.getMetadata().getName();
    SinkBinding binding = new SinkBinding();
    binding.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(ContainerSourceNames.sinkBinding(name))
            .withOwnerReferences(ControllerRefs.of(source))
            .build());
    ContainerSourceSpec spec = source.getSpec();
    binding.setSpec(
        new SinkBindingSpec(
            spec.sink(),
            spec.ceOverrides(),
            Reference.byName(
                "apps/v1", "Deployment", namespace, ContainerSourceNames.deployment(name)),
            spec.delivery()));
    return binding;
  }
}
