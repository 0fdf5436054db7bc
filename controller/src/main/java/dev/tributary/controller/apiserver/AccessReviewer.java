package dev.tributary.controller.apiserver;

/** Asks the API server whether a user may do something: one SubjectAccessReview. Blocks. */
@FunctionalInterface
public interface AccessReviewer {

  /**
   * Whether {@code user} may {@code verb} {@code resource} of API {@code group} in {@code
   * namespace}.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the review cannot be made
   */
  boolean allowed(String user, String namespace, String verb, String group, String resource);
}
