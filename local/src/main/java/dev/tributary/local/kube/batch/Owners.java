package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Optional;

/** Controller owner references, as apimachinery's {@code metav1.GetControllerOf}. Stateless. */
public final class Owners {

  private Owners() {}

  /** The owner reference marked {@code controller: true}, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> references = object.getMetadata().getOwnerReferences();
    if (references == null) {
      return Optional.empty();
    }
    return references.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** Whether {@code object}'s controller is the object with {@code uid}. */
  public static boolean isControlledBy(HasMetadata object, String uid) {
    return controllerOf(object).map(r -> uid.equals(r.getUid())).orElse(false);
  }

  /** A controller reference to {@code owner}, as {@code metav1.NewControllerRef}. */
  public static OwnerReference controllerRef(HasMetadata owner, String apiVersion, String kind) {
    return new OwnerReferenceBuilder()
        .withApiVersion(apiVersion)
        .withKind(kind)
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
