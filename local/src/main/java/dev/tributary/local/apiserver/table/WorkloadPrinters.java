package dev.tributary.local.apiserver.table;

import static dev.tributary.local.apiserver.table.SimplePrinter.age;
import static dev.tributary.local.apiserver.table.SimplePrinter.name;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * apps/v1 workloads as kube-apiserver prints them. A missing {@code spec.replicas} counts as 1, the
 * default a real server would have filled in.
 */
final class WorkloadPrinters {

  // The wide columns of everything with a pod template; the batch printers show them too.
  static final ColumnDefinition CONTAINERS =
      ColumnDefinition.wide("Containers", "string", Descriptions.CONTAINERS);
  static final ColumnDefinition IMAGES =
      ColumnDefinition.wide("Images", "string", Descriptions.IMAGES);
  static final ColumnDefinition SELECTOR =
      ColumnDefinition.wide("Selector", "string", Descriptions.SELECTOR);

  private WorkloadPrinters() {}

  /** {@code NAME READY UP-TO-DATE AVAILABLE AGE}, wide {@code CONTAINERS IMAGES SELECTOR}. */
  static RowPrinter deployment() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Ready", "string", "Ready pods out of desired pods."),
            ColumnDefinition.of("Up-to-date", "string", "Pods running the current template."),
            ColumnDefinition.of("Available", "string", "Pods available to serve."),
            ColumnDefinition.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (deployment, now) -> {
          List<JsonNode> containers = templateContainers(deployment);
          return Cells.of(
              name(deployment),
              Fields.integer(deployment, "status", "readyReplicas") + "/" + replicas(deployment),
              Fields.integer(deployment, "status", "updatedReplicas"),
              Fields.integer(deployment, "status", "availableReplicas"),
              age(deployment, now),
              containerNames(containers),
              containerImages(containers),
              Selectors.selectorString(Fields.at(deployment, "spec", "selector"))
                  .orElse("<invalid>"));
        });
  }

  /** {@code NAME DESIRED CURRENT READY AGE}, wide {@code CONTAINERS IMAGES SELECTOR}. */
  static RowPrinter replicaSet() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Desired", "integer", "Pods wanted."),
            ColumnDefinition.of("Current", "integer", "Pods created."),
            ColumnDefinition.of("Ready", "integer", "Pods ready."),
            ColumnDefinition.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (replicaSet, now) -> {
          List<JsonNode> containers = templateContainers(replicaSet);
          return Cells.of(
              name(replicaSet),
              replicas(replicaSet),
              Fields.integer(replicaSet, "status", "replicas"),
              Fields.integer(replicaSet, "status", "readyReplicas"),
              age(replicaSet, now),
              containerNames(containers),
              containerImages(containers),
              Selectors.formatLabelSelector(Fields.at(replicaSet, "spec", "selector")));
        });
  }

  /** {@code NAME READY AGE}, wide {@code CONTAINERS IMAGES}. */
  static RowPrinter statefulSet() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Ready", "string", "Ready pods out of desired pods."),
            ColumnDefinition.ageColumn(),
            CONTAINERS,
            IMAGES),
        (statefulSet, now) -> {
          List<JsonNode> containers = templateContainers(statefulSet);
          return Cells.of(
              name(statefulSet),
              Fields.integer(statefulSet, "status", "readyReplicas") + "/" + replicas(statefulSet),
              age(statefulSet, now),
              containerNames(containers),
              containerImages(containers));
        });
  }

  /**
   * {@code NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE}, wide {@code
   * CONTAINERS IMAGES SELECTOR}.
   */
  static RowPrinter daemonSet() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Desired", "integer", "Nodes that should run the pod."),
            ColumnDefinition.of("Current", "integer", "Nodes running the pod."),
            ColumnDefinition.of("Ready", "integer", "Nodes where the pod is ready."),
            ColumnDefinition.of("Up-to-date", "integer", "Nodes running the current template."),
            ColumnDefinition.of("Available", "integer", "Nodes where the pod is available."),
            ColumnDefinition.of("Node Selector", "string", "Labels the nodes must have."),
            ColumnDefinition.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (daemonSet, now) -> {
          List<JsonNode> containers = templateContainers(daemonSet);
          JsonNode status = Fields.at(daemonSet, "status");
          return Cells.of(
              name(daemonSet),
              Fields.integer(status, "desiredNumberScheduled"),
              Fields.integer(status, "currentNumberScheduled"),
              Fields.integer(status, "numberReady"),
              Fields.integer(status, "updatedNumberScheduled"),
              Fields.integer(status, "numberAvailable"),
              Selectors.formatLabels(
                  Fields.at(daemonSet, "spec", "template", "spec", "nodeSelector")),
              age(daemonSet, now),
              containerNames(containers),
              containerImages(containers),
              Selectors.formatLabelSelector(Fields.at(daemonSet, "spec", "selector")));
        });
  }

  private static long replicas(JsonNode workload) {
    Long replicas = Fields.optionalInteger(workload, "spec", "replicas");
    return replicas == null ? 1 : replicas;
  }

  static List<JsonNode> templateContainers(JsonNode workload) {
    return Fields.list(workload, "spec", "template", "spec", "containers");
  }

  /** Container names, comma-separated. */
  static String containerNames(List<JsonNode> containers) {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(Fields.text(c, "name")));
    return String.join(",", names);
  }

  /** Container images, comma-separated. */
  static String containerImages(List<JsonNode> containers) {
    List<String> images = new ArrayList<>();
    containers.forEach(c -> images.add(Fields.text(c, "image")));
    return String.join(",", images);
  }
}
