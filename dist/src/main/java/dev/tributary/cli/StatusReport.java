package dev.tributary.cli;

import java.util.List;

/**
 * What {@code tributary status} prints about a running cluster's objects: the Knative control
 * plane's Deployments, every pod with its address, every Service with its cluster address and
 * ports. Cells are the API server's own (what {@code kubectl get} shows); columns are aligned as
 * kubectl aligns them. Pure.
 */
final class StatusReport {

  /** The namespace of the Knative control plane that {@code tributary up} installs. */
  static final String CONTROL_PLANE_NAMESPACE = "knative-eventing";

  private StatusReport() {}

  /**
   * The three sections, each a title line and a table (or a line saying there is nothing).
   *
   * @param controlPlane the Deployments of {@link #CONTROL_PLANE_NAMESPACE}
   * @param pods the pods of every namespace
   * @param services the Services of every namespace
   */
  static String render(ServerTable controlPlane, ServerTable pods, ServerTable services) {
    StringBuilder text = new StringBuilder();
    text.append("Knative control plane (namespace ").append(CONTROL_PLANE_NAMESPACE).append("):");
    if (controlPlane.rows().isEmpty()) {
      text.append(" not installed (tributary up --no-release?)\n");
    } else {
      text.append('\n')
          .append(
              TextTable.render(
                  List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"),
                  controlPlane.select(
                      false, List.of("Name", "Ready", "Up-to-date", "Available", "Age"))));
    }
    text.append('\n').append("Pods:");
    if (pods.rows().isEmpty()) {
      text.append(" none\n");
    } else {
      text.append('\n')
          .append(
              TextTable.render(
                  List.of("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP"),
                  pods.select(true, List.of("Name", "Ready", "Status", "Restarts", "Age", "IP"))));
    }
    text.append('\n').append("Services:");
    if (services.rows().isEmpty()) {
      text.append(" none\n");
    } else {
      text.append('\n')
          .append(
              TextTable.render(
                  List.of("NAMESPACE", "NAME", "TYPE", "CLUSTER-IP", "PORT(S)"),
                  services.select(true, List.of("Name", "Type", "Cluster-IP", "Port(s)"))));
    }
    return text.toString();
  }
}
