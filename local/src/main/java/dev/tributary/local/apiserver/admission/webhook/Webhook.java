package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One webhook of a {@code MutatingWebhookConfiguration} or {@code ValidatingWebhookConfiguration}
 * ({@code admissionregistration.k8s.io/v1}), with upstream's defaults filled in.
 *
 * @param configuration the configuration's name
 * @param name the webhook's (fully qualified) name
 * @param client where it is called
 * @param rules what it is called for; it matches if any rule does
 * @param failurePolicy {@code Fail} (default) or {@code Ignore}
 * @param matchPolicy {@code Equivalent} (default) or {@code Exact}
 * @param namespaceSelector a {@code metav1.LabelSelector}; null or empty matches everything
 * @param objectSelector a {@code metav1.LabelSelector}; null or empty matches everything
 * @param sideEffects {@code None}, {@code NoneOnDryRun}, {@code Some} or {@code Unknown} (empty if
 *     unset)
 * @param timeoutSeconds how long a call may take (default 10)
 */
public record Webhook(
    String configuration,
    String name,
    ClientConfig client,
    List<Rule> rules,
    String failurePolicy,
    String matchPolicy,
    JsonNode namespaceSelector,
    JsonNode objectSelector,
    String sideEffects,
    int timeoutSeconds) {

  /** kube-apiserver's default timeout for a webhook call. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  public Webhook {
    rules = List.copyOf(rules);
  }

  /**
   * Where a webhook listens: exactly one of {@code url} and {@code service} is set.
   *
   * @param url an {@code https} URL, or null
   * @param service a Service reference, or null
   * @param caBundle the PEM certificates to trust (decoded from the base64 in JSON), or empty for
   *     the JVM's trust store
   */
  public record ClientConfig(String url, ServiceReference service, String caBundle) {}

  /**
   * {@code clientConfig.service}.
   *
   * @param path the request path, empty for {@code /}
   * @param port default 443
   */
  public record ServiceReference(String namespace, String name, String path, int port) {}

  /**
   * One {@code RuleWithOperations}.
   *
   * @param scope {@code *} (default), {@code Cluster} or {@code Namespaced}
   */
  public record Rule(
      List<String> operations,
      List<String> apiGroups,
      List<String> apiVersions,
      List<String> resources,
      String scope) {
    public Rule {
      operations = List.copyOf(operations);
      apiGroups = List.copyOf(apiGroups);
      apiVersions = List.copyOf(apiVersions);
      resources = List.copyOf(resources);
    }
  }

  /** Whether failures to call it are ignored. */
  public boolean ignoresFailures() {
    return failurePolicy.equals("Ignore");
  }

  /** Whether it may be called for a dry-run request. */
  public boolean supportsDryRun() {
    return sideEffects.equals("None") || sideEffects.equals("NoneOnDryRun");
  }

  /** Reads the webhooks of a configuration object. Lenient: validation rejected bad ones. */
  public static List<Webhook> parseAll(JsonNode configuration) {
    String configurationName = configuration.path("metadata").path("name").asText("");
    List<Webhook> webhooks = new ArrayList<>();
    for (JsonNode webhook : configuration.path("webhooks")) {
      webhooks.add(parse(configurationName, webhook));
    }
    return webhooks;
  }

  static Webhook parse(String configuration, JsonNode node) {
    JsonNode clientConfig = node.path("clientConfig");
    JsonNode service = clientConfig.path("service");
    ServiceReference serviceReference =
        service.isObject()
            ? new ServiceReference(
                service.path("namespace").asText(""),
                service.path("name").asText(""),
                service.path("path").asText(""),
                service.path("port").asInt(443))
            : null;
    String caBundle = "";
    if (clientConfig.hasNonNull("caBundle")) {
      caBundle =
          new String(
              java.util.Base64.getMimeDecoder().decode(clientConfig.get("caBundle").asText("")),
              java.nio.charset.StandardCharsets.UTF_8);
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode rule : node.path("rules")) {
      rules.add(
          new Rule(
              strings(rule.path("operations")),
              strings(rule.path("apiGroups")),
              strings(rule.path("apiVersions")),
              strings(rule.path("resources")),
              rule.path("scope").asText("*")));
    }
    return new Webhook(
        configuration,
        node.path("name").asText(""),
        new ClientConfig(
            clientConfig.hasNonNull("url") ? clientConfig.get("url").asText() : null,
            serviceReference,
            caBundle),
        rules,
        node.path("failurePolicy").asText("Fail"),
        node.path("matchPolicy").asText("Equivalent"),
        node.get("namespaceSelector"),
        node.get("objectSelector"),
        node.path("sideEffects").asText(""),
        node.path("timeoutSeconds").asInt(DEFAULT_TIMEOUT_SECONDS));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
