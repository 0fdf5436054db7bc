package dev.tributary.controller.children;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;

/**
 * Controller owner references, as knative.dev/pkg's {@code kmeta.NewControllerRef} and
 * apimachinery's {@code metav1.IsControlledBy}. Pure.
 */
public final class ControllerRefs {

  private ControllerRefs() {}

  /**
   * The reference a child carries to {@code owner}: its apiVersion, kind, name and uid, with {@code
   * controller} and {@code blockOwnerDeletion} true.
   */
  public static OwnerReference of(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** Whether {@code child}'s controller reference points at {@code owner} (by uid). */
  public static boolean isControlledBy(HasMetadata child, HasMetadata owner) {
    List<OwnerReference> refs = child.getMetadata().getOwnerReferences();
    if (refs == null) {
      return false;
    }
    String uid = owner.getMetadata().getUid();
    return refs.stream()
        .anyMatch(
            r ->
                Boolean.TRUE.equals(r.getController())
                    && r.getUid() != null
                    && r.getUid().equals(uid));
  }
}
