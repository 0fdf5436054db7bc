package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** admissionregistration.k8s.io/v1's webhook configuration defaults. Stateless. */
final class WebhookDefaults {

  private WebhookDefaults() {}

  static void configuration(ObjectNode configuration, boolean mutating) {
    for (ObjectNode webhook : Fields.objects(configuration, "webhooks")) {
      Fields.defaultText(webhook, "failurePolicy", "Fail");
      Fields.defaultText(webhook, "matchPolicy", "Equivalent");
      Fields.defaultObject(webhook, "namespaceSelector");
      Fields.defaultObject(webhook, "objectSelector");
      Fields.defaultInt(webhook, "timeoutSeconds", 10);
      if (mutating) {
        Fields.defaultText(webhook, "reinvocationPolicy", "Never");
      }
      for (ObjectNode rule : Fields.objects(webhook, "rules")) {
        Fields.defaultText(rule, "scope", "*");
      }
      ObjectNode service = Fields.object(Fields.object(webhook, "clientConfig"), "service");
      if (service != null) {
        Fields.defaultInt(service, "port", 443);
      }
    }
  }
}
