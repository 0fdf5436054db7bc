package dev.tributary.api.sources.sinkbinding;

import dev.tributary.api.duck.SourceSpecValidation;
import dev.tributary.api.tracker.Reference;
import dev.tributary.api.tracker.ReferenceValidation;
import dev.tributary.api.validation.FieldError;

/**
 * SinkBinding validation, as upstream's {@code Validate}: the subject as a {@code
 * tracker.Reference} (apiVersion, kind, namespace required; exactly one of name and selector), the
 * sink and ceOverrides as every source's, Tributary's delivery, and a subject namespace equal to
 * the binding's own.
 */
public final class SinkBindingValidation {
  private static final SinkBindingSpec EMPTY = new SinkBindingSpec(null, null, null, null);

  private SinkBindingValidation() {}

  /** Every error of {@code binding}, with paths from the resource root ({@code spec.subject}). */
  public static FieldError validate(SinkBinding binding) {
    SinkBindingSpec spec = binding.getSpec() == null ? EMPTY : binding.getSpec();
    String namespace = binding.getMetadata() == null ? null : binding.getMetadata().getNamespace();
    FieldError errs = validate(spec).viaField("spec");
    Reference subject = spec.subject();
    if (subject != null
        && subject.namespace() != null
        && !subject.namespace().isEmpty()
        && !subject.namespace().equals(namespace == null ? "" : namespace)) {
      errs = errs.also(FieldError.invalidValue(subject.namespace(), "spec.subject.namespace"));
    }
    return errs;
  }

  /** The errors of {@code spec} alone, paths relative to it; no namespace check. */
  public static FieldError validate(SinkBindingSpec spec) {
    return ReferenceValidation.validate(spec.subject())
        .viaField("subject")
        .also(SourceSpecValidation.validate(spec));
  }
}
