package dev.tributary.local.kube.batch;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.UUID;

/** What the batch ITs share: namespaces, the kubelet's part (pod phases), Events. */
final class BatchTestSupport {

  private BatchTestSupport() {}

  static String newNamespace(KubernetesClient client, String prefix) {
    String ns = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    return ns;
  }

  /** Plays the kubelet: sets the pod's phase (and Ready when Running). */
  static void setPhase(KubernetesClient client, Pod pod, String phase) {
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.getStatus().setPhase(phase);
              PodCondition ready =
                  new PodConditionBuilder()
                      .withType("Ready")
                      .withStatus("Running".equals(phase) ? "True" : "False")
                      .build();
              p.getStatus().setConditions(List.of(ready));
              return p;
            });
  }

  /** "REASON MESSAGE" of every Event about {@code object}. */
  static List<String> events(KubernetesClient client, HasMetadata object) {
    return client
        .v1()
        .events()
        .inNamespace(object.getMetadata().getNamespace())
        .list()
        .getItems()
        .stream()
        .filter(e -> object.getMetadata().getName().equals(e.getInvolvedObject().getName()))
        .filter(e -> object.getKind().equals(e.getInvolvedObject().getKind()))
        .map(BatchTestSupport::describe)
        .toList();
  }

  private static String describe(Event event) {
    return event.getType() + " " + event.getReason() + " " + event.getMessage();
  }
}
