package dev.tributary.local.apiserver.admission;

/**
 * A validating admission step (Kubernetes' {@code admission.ValidationInterface}): sees each write
 * after mutation and schema validation, just before it is persisted, and may refuse it. Must not
 * change the object.
 *
 * <p>Threading as {@link MutatingAdmission}.
 */
@FunctionalInterface
public interface ValidatingAdmission {

  /**
   * Checks one write.
   *
   * @throws dev.tributary.local.apiserver.errors.ApiException to refuse it: 403 Forbidden for a
   *     policy denial, 422 Invalid (see {@code ApiErrors.invalid}) for field errors
   */
  void validate(AdmissionAttributes attributes, Warnings warnings);
}
