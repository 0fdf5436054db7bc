package dev.tributary.api.sources.container;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * ContainerSource defaulting, as upstream's {@code SetDefaults}: a container without a name is
 * named {@code <sourceName>-<index>}. Nothing else is defaulted (upstream leaves the sink ref's
 * namespace alone for this kind). Pure and idempotent.
 */
public final class ContainerSourceDefaults {
  private ContainerSourceDefaults() {}

  /** {@code spec} with unnamed containers named after {@code sourceName}; null stays null. */
  public static ContainerSourceSpec apply(ContainerSourceSpec spec, String sourceName) {
    if (spec == null || spec.template() == null || spec.template().getSpec() == null) {
      return spec;
    }
    List<Container> containers = spec.template().getSpec().getContainers();
    if (containers == null) {
      return spec;
    }
    List<Container> named = new ArrayList<>(containers.size());
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      boolean unnamed = c.getName() == null || c.getName().isEmpty();
      named.add(unnamed ? new ContainerBuilder(c).withName(sourceName + "-" + i).build() : c);
    }
    PodTemplateSpec template =
        new PodTemplateSpecBuilder(spec.template())
            .editSpec()
            .withContainers(named)
            .endSpec()
            .build();
    return new ContainerSourceSpec(spec.sink(), spec.ceOverrides(), template, spec.delivery());
  }

  /** A copy of {@code source} with its spec defaulted for its name; {@code source} is untouched. */
  public static ContainerSource apply(ContainerSource source) {
    ContainerSource out = new ContainerSource();
    out.setMetadata(
        source.getMetadata() == null ? null : new ObjectMetaBuilder(source.getMetadata()).build());
    String name = source.getMetadata() == null ? null : source.getMetadata().getName();
    out.setSpec(apply(source.getSpec(), name));
    out.setStatus(source.getStatus() == null ? null : source.getStatus().copy());
    return out;
  }
}
