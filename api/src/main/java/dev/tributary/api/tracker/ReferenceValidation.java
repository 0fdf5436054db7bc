package dev.tributary.api.tracker;

import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.api.k8s.LabelSelectorValidation;
import dev.tributary.api.validation.FieldError;
import java.util.List;

/** Validates a {@link Reference} as knative.dev/pkg's {@code tracker.Reference.Validate}. */
public final class ReferenceValidation {
  private ReferenceValidation() {}

  /**
   * Every error of {@code ref}, paths relative to it: apiVersion (a qualified name), kind (a C
   * identifier) and namespace (a DNS-1123 label) required; exactly one of name (a DNS-1123 label)
   * and a parseable selector. A null reference is validated as an empty one.
   */
  public static FieldError validate(Reference ref) {
    if (ref == null) {
      ref = new Reference(null, null, null, null, null);
    }
    FieldError errs = FieldError.NONE;
    errs = errs.also(required(ref.apiVersion(), "apiVersion", ContentValidation::isQualifiedName));
    errs = errs.also(required(ref.kind(), "kind", ContentValidation::isCIdentifier));
    errs = errs.also(required(ref.namespace(), "namespace", ContentValidation::isDns1123Label));
    boolean hasName = !isEmpty(ref.name());
    if (ref.selector() != null && hasName) {
      errs = errs.also(FieldError.multipleOneOf("selector", "name"));
    } else if (ref.selector() != null) {
      errs =
          errs.also(
              LabelSelectorValidation.validate(ref.selector())
                  .map(err -> FieldError.invalidValue(err, "selector"))
                  .orElse(FieldError.NONE));
    } else if (hasName) {
      errs = errs.also(format(ref.name(), "name", ContentValidation::isDns1123Label));
    } else {
      errs = errs.also(FieldError.missingOneOf("selector", "name"));
    }
    return errs;
  }

  private interface Check {
    List<String> problems(String value);
  }

  private static FieldError required(String value, String field, Check check) {
    return isEmpty(value) ? FieldError.missingField(field) : format(value, field, check);
  }

  private static FieldError format(String value, String field, Check check) {
    List<String> problems = check.problems(value);
    return problems.isEmpty()
        ? FieldError.NONE
        : FieldError.invalidValue(String.join(", ", problems), field);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
