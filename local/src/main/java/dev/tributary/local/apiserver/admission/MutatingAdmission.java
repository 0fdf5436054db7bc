package dev.tributary.local.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A mutating admission step (Kubernetes' {@code admission.MutationInterface}): sees each write
 * before it is validated and may change the object, or refuse the write.
 *
 * <p>Called on request worker threads (virtual threads), possibly concurrently for different
 * requests; may block (e.g. on the store or an HTTP call). Runs for dry-run requests too ({@link
 * AdmissionAttributes#dryRun()}): a step with side effects must not have them then.
 */
@FunctionalInterface
public interface MutatingAdmission {

  /**
   * Admits one write.
   *
   * @return the object to continue with: {@code attributes.object()} itself (changed in place or
   *     not) or a replacement; for DELETE and CONNECT, {@code attributes.object()} (null)
   * @throws dev.tributary.local.apiserver.errors.ApiException to refuse the write with that Status
   */
  ObjectNode admit(AdmissionAttributes attributes, Warnings warnings);
}
