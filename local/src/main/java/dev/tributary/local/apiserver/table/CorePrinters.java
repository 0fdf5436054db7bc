package dev.tributary.local.apiserver.table;

import static dev.tributary.local.apiserver.table.SimplePrinter.age;
import static dev.tributary.local.apiserver.table.SimplePrinter.name;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The small printers: kinds whose columns are a count or a field or two besides name and age. */
final class CorePrinters {

  private CorePrinters() {}

  /** {@code NAME STATUS AGE}. */
  static RowPrinter namespace() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Status", "string", "The namespace's phase."),
            ColumnDefinition.ageColumn()),
        (namespace, now) ->
            Cells.of(
                name(namespace), Fields.text(namespace, "status", "phase"), age(namespace, now)));
  }

  /** {@code NAME DATA AGE}; DATA counts {@code data} and {@code binaryData} keys. */
  static RowPrinter configMap() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Data", "string", "How many keys the config map holds."),
            ColumnDefinition.ageColumn()),
        (configMap, now) ->
            Cells.of(
                name(configMap),
                Fields.size(configMap, "data") + Fields.size(configMap, "binaryData"),
                age(configMap, now)));
  }

  /** {@code NAME TYPE DATA AGE}. */
  static RowPrinter secret() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Type", "string", "The secret's type."),
            ColumnDefinition.of("Data", "string", "How many keys the secret holds."),
            ColumnDefinition.ageColumn()),
        (secret, now) ->
            Cells.of(
                name(secret),
                Fields.text(secret, "type"),
                Fields.size(secret, "data"),
                age(secret, now)));
  }

  /** {@code NAME SECRETS AGE}. */
  static RowPrinter serviceAccount() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Secrets", "string", "How many secrets the account lists."),
            ColumnDefinition.ageColumn()),
        (account, now) ->
            Cells.of(name(account), Fields.size(account, "secrets"), age(account, now)));
  }

  /** {@code NAME ENDPOINTS AGE}: up to three {@code ip:port}, then {@code + N more...}. */
  static RowPrinter endpoints() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Endpoints", "string", "Addresses the service routes to."),
            ColumnDefinition.ageColumn()),
        (endpoints, now) ->
            Cells.of(name(endpoints), formatEndpoints(endpoints), age(endpoints, now)));
  }

  /** {@code NAME HOLDER AGE}. */
  static RowPrinter lease() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Holder", "string", "Who holds the lease."),
            ColumnDefinition.ageColumn()),
        (lease, now) ->
            Cells.of(name(lease), Fields.text(lease, "spec", "holderIdentity"), age(lease, now)));
  }

  /** {@code NAME WEBHOOKS AGE}, for mutating and validating webhook configurations. */
  static RowPrinter webhookConfiguration() {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Webhooks", "integer", "How many webhooks it registers."),
            ColumnDefinition.ageColumn()),
        (configuration, now) ->
            Cells.of(
                name(configuration),
                Fields.size(configuration, "webhooks"),
                age(configuration, now)));
  }

  /**
   * {@code NAME ROLE AGE}, wide {@code USERS GROUPS SERVICEACCOUNTS}, for RoleBindings and
   * ClusterRoleBindings; ROLE reads {@code ClusterRole/name}, service accounts {@code ns/name}.
   */
  static RowPrinter roleBinding(String kindLabel) {
    return new SimplePrinter(
        List.of(
            ColumnDefinition.nameColumn(),
            ColumnDefinition.of("Role", "string", "The role granted, as Kind/name."),
            ColumnDefinition.ageColumn(),
            ColumnDefinition.wide("Users", "string", "Users in the " + kindLabel),
            ColumnDefinition.wide("Groups", "string", "Groups in the " + kindLabel),
            ColumnDefinition.wide(
                "ServiceAccounts", "string", "ServiceAccounts in the " + kindLabel)),
        (binding, now) -> {
          List<String> users = new ArrayList<>();
          List<String> groups = new ArrayList<>();
          List<String> serviceAccounts = new ArrayList<>();
          for (JsonNode subject : Fields.list(binding, "subjects")) {
            String subjectName = Fields.text(subject, "name");
            switch (Fields.text(subject, "kind")) {
              case "User" -> users.add(subjectName);
              case "Group" -> groups.add(subjectName);
              case "ServiceAccount" ->
                  serviceAccounts.add(Fields.text(subject, "namespace") + "/" + subjectName);
              default -> {
                // other subject kinds have no column
              }
            }
          }
          return Cells.of(
              name(binding),
              Fields.text(binding, "roleRef", "kind")
                  + "/"
                  + Fields.text(binding, "roleRef", "name"),
              age(binding, now),
              String.join(", ", users),
              String.join(", ", groups),
              String.join(", ", serviceAccounts));
        });
  }

  private static String formatEndpoints(JsonNode endpoints) {
    List<JsonNode> subsets = Fields.list(endpoints, "subsets");
    if (subsets.isEmpty()) {
      return "<none>";
    }
    final int max = 3;
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (JsonNode subset : subsets) {
      List<JsonNode> addresses = Fields.list(subset, "addresses");
      List<JsonNode> ports = Fields.list(subset, "ports");
      if (ports.isEmpty()) {
        // headless services may have no ports
        count += addresses.size();
        for (JsonNode address : addresses) {
          if (list.size() == max) {
            more = true;
            break;
          }
          list.add(Fields.text(address, "ip"));
        }
        continue;
      }
      for (JsonNode port : ports) {
        count += addresses.size();
        for (JsonNode address : addresses) {
          if (list.size() == max) {
            more = true;
            break;
          }
          list.add(hostPort(Fields.text(address, "ip"), Fields.integer(port, "port")));
        }
      }
    }
    String joined = String.join(",", list);
    return more ? joined + " + " + (count - max) + " more..." : joined;
  }

  /** Go's {@code net.JoinHostPort}: IPv6 addresses go in brackets. */
  private static String hostPort(String host, long port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
