package dev.tributary.controller.apiserver;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** An {@link AccessReviewer} creating {@code authorization.k8s.io/v1} SubjectAccessReviews. */
public final class SubjectAccessReviewer implements AccessReviewer {

  private final KubernetesClient client;

  public SubjectAccessReviewer(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public boolean allowed(
      String user, String namespace, String verb, String group, String resource) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withNewResourceAttributes()
            .withNamespace(namespace)
            .withVerb(verb)
            .withGroup(group)
            .withResource(resource)
            .endResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview answered = client.authorization().v1().subjectAccessReview().create(review);
    return answered.getStatus() != null && Boolean.TRUE.equals(answered.getStatus().getAllowed());
  }
}
