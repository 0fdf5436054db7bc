package dev.tributary.api.sources.container;

import dev.tributary.api.duck.SourceSpecValidation;
import dev.tributary.api.validation.FieldError;
import io.fabric8.kubernetes.api.model.Container;
import java.util.List;

/**
 * ContainerSource validation, as upstream's {@code Validate}: the sink and ceOverrides as every
 * source's, Tributary's delivery, and at least one container, each with a name and an image.
 *
 * <p>Upstream reports the container errors at {@code spec.containers} and {@code
 * spec.containers[i].image}, not under {@code spec.template.spec}; the paths here are upstream's.
 */
public final class ContainerSourceValidation {
  private static final ContainerSourceSpec EMPTY = new ContainerSourceSpec(null, null, null, null);

  private ContainerSourceValidation() {}

  /** Every error of {@code source}, with paths from the resource root. */
  public static FieldError validate(ContainerSource source) {
    return validate(source.getSpec() == null ? EMPTY : source.getSpec()).viaField("spec");
  }

  /** The errors of {@code spec}, paths relative to it. */
  public static FieldError validate(ContainerSourceSpec spec) {
    FieldError errs = FieldError.NONE;
    List<Container> containers =
        spec.template() == null || spec.template().getSpec() == null
            ? null
            : spec.template().getSpec().getContainers();
    if (containers == null || containers.isEmpty()) {
      errs = errs.also(FieldError.missingField("containers"));
    } else {
      for (int i = 0; i < containers.size(); i++) {
        errs = errs.also(validate(containers.get(i)).viaFieldIndex("containers", i));
      }
    }
    return errs.also(SourceSpecValidation.validate(spec));
  }

  private static FieldError validate(Container c) {
    FieldError errs = FieldError.NONE;
    if (c.getName() == null || c.getName().isEmpty()) {
      errs = errs.also(FieldError.missingField("name"));
    }
    if (c.getImage() == null || c.getImage().isEmpty()) {
      errs = errs.also(FieldError.missingField("image"));
    }
    return errs;
  }
}
