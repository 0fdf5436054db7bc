package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.Names;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks kube-apiserver makes of {@code admissionregistration.k8s.io/v1} {@code
 * MutatingWebhookConfiguration}s and {@code ValidatingWebhookConfiguration}s where users hit them:
 * fully qualified, unique webhook names; {@code admissionReviewVersions} with {@code v1}; {@code
 * sideEffects} None or NoneOnDryRun; exactly one of {@code clientConfig.url} (https, with a host,
 * no user, query or fragment) and {@code clientConfig.service}; the enumerated policies and the
 * 1-30 s timeout. Rules and selectors are not checked. Stateless and thread-safe.
 */
public final class WebhookConfigurationValidation implements ObjectValidator {

  private static final String GROUP = "admissionregistration.k8s.io";
  private static final String URL_FORM = "; desired format: https://host[/path]";

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.group().equals(GROUP)) {
      return List.of();
    }
    boolean mutating = type.plural().equals("mutatingwebhookconfigurations");
    if (!mutating && !type.plural().equals("validatingwebhookconfigurations")) {
      return List.of();
    }
    List<FieldCause> causes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    JsonNode webhooks = object.path("webhooks");
    for (int i = 0; i < webhooks.size(); i++) {
      String path = "webhooks[" + i + "]";
      JsonNode webhook = webhooks.get(i);
      String name = webhook.path("name").asText("");
      causes.addAll(fullyQualified(path + ".name", name));
      if (!name.isEmpty() && !names.add(name)) {
        causes.add(FieldCause.duplicate(path + ".name", name));
      }
      reviewVersions(
          path + ".admissionReviewVersions", webhook.get("admissionReviewVersions"), causes);
      enumerated(
          path + ".sideEffects",
          webhook.get("sideEffects"),
          List.of("None", "NoneOnDryRun"),
          "must specify one of None, NoneOnDryRun",
          causes);
      clientConfig(path + ".clientConfig", webhook.path("clientConfig"), causes);
      optionalEnum(
          path + ".failurePolicy", webhook.get("failurePolicy"), List.of("Fail", "Ignore"), causes);
      optionalEnum(
          path + ".matchPolicy",
          webhook.get("matchPolicy"),
          List.of("Equivalent", "Exact"),
          causes);
      if (mutating) {
        optionalEnum(
            path + ".reinvocationPolicy",
            webhook.get("reinvocationPolicy"),
            List.of("IfNeeded", "Never"),
            causes);
      }
      JsonNode timeout = webhook.get("timeoutSeconds");
      if (timeout != null && !timeout.isNull() && (timeout.asInt() < 1 || timeout.asInt() > 30)) {
        causes.add(
            FieldCause.invalid(
                path + ".timeoutSeconds",
                timeout.asInt(),
                "the timeout value must be between 1 and 30 seconds"));
      }
    }
    return causes;
  }

  private static List<FieldCause> fullyQualified(String path, String name) {
    if (name.isEmpty()) {
      return List.of(FieldCause.required(path, ""));
    }
    String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    List<FieldCause> causes = new ArrayList<>();
    for (FieldCause cause : Names.validate(subdomainType(), trimmed)) {
      causes.add(new FieldCause(cause.reason(), path, cause.message()));
    }
    if (causes.isEmpty() && trimmed.split("\\.", -1).length < 3) {
      causes.add(
          FieldCause.invalid(
              path, trimmed, "should be a domain with at least three segments separated by dots"));
    }
    return causes;
  }

  /** A resource whose names are DNS-1123 subdomains, for {@link Names#validate}. */
  private static ResourceType subdomainType() {
    return new ResourceType(
        GROUP,
        "v1",
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        "validatingwebhookconfiguration",
        false,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "v1",
        null);
  }

  private static void reviewVersions(String path, JsonNode versions, List<FieldCause> causes) {
    if (versions == null || !versions.isArray() || versions.isEmpty()) {
      causes.add(FieldCause.required(path, "must specify one of v1, v1beta1"));
      return;
    }
    List<String> values = new ArrayList<>();
    versions.forEach(v -> values.add(v.asText()));
    if (!values.contains("v1")) {
      // Upstream accepts v1beta1 too; this server speaks only AdmissionReview v1.
      causes.add(
          FieldCause.invalid(
              path,
              new GoStrings(values),
              "must include at least one of v1, v1beta1 (this server sends only v1)"));
    }
  }

  /** Go's {@code %#v} of a {@code []string}, as upstream prints the invalid value. */
  private record GoStrings(List<String> values) {
    @Override
    public String toString() {
      return values.stream()
          .map(v -> "\"" + v + "\"")
          .collect(Collectors.joining(", ", "[]string{", "}"));
    }
  }

  private static void enumerated(
      String path, JsonNode value, List<String> allowed, String required, List<FieldCause> causes) {
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      causes.add(FieldCause.required(path, required));
      return;
    }
    optionalEnum(path, value, allowed, causes);
  }

  private static void optionalEnum(
      String path, JsonNode value, List<String> allowed, List<FieldCause> causes) {
    if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
      causes.add(FieldCause.notSupported(path, value.asText(), allowed));
    }
  }

  private static void clientConfig(String path, JsonNode config, List<FieldCause> causes) {
    boolean hasUrl = config.hasNonNull("url");
    boolean hasService = config.hasNonNull("service");
    if (hasUrl == hasService) {
      causes.add(FieldCause.required(path, "exactly one of url or service is required"));
      return;
    }
    if (hasUrl) {
      url(path + ".url", config.get("url").asText(), causes);
    } else {
      service(path + ".service", config.get("service"), causes);
    }
  }

  private static void url(String path, String text, List<FieldCause> causes) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      causes.add(
          FieldCause.required(path, "url must be a valid URL: " + e.getMessage() + URL_FORM));
      return;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    if (!scheme.equals("https")) {
      causes.add(
          FieldCause.invalid(path, scheme, "'https' is the only allowed URL scheme" + URL_FORM));
    }
    String host = url.getRawAuthority() == null ? "" : url.getRawAuthority();
    if (url.getRawUserInfo() != null) {
      host = host.substring(url.getRawUserInfo().length() + 1);
      causes.add(
          FieldCause.invalid(
              path, url.getRawUserInfo(), "user information is not permitted in the URL"));
    }
    if (host.isEmpty()) {
      causes.add(FieldCause.invalid(path, host, "host must be specified" + URL_FORM));
    }
    if (url.getRawFragment() != null && !url.getRawFragment().isEmpty()) {
      causes.add(
          FieldCause.invalid(path, url.getRawFragment(), "fragments are not permitted in the URL"));
    }
    if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) {
      causes.add(
          FieldCause.invalid(
              path, url.getRawQuery(), "query parameters are not permitted in the URL"));
    }
  }

  private static void service(String path, JsonNode service, List<FieldCause> causes) {
    if (service.path("name").asText("").isEmpty()) {
      causes.add(FieldCause.required(path + ".name", "service name is required"));
    }
    if (service.path("namespace").asText("").isEmpty()) {
      causes.add(FieldCause.required(path + ".namespace", "service namespace is required"));
    }
    String servicePath = service.path("path").asText("");
    if (!servicePath.isEmpty() && !servicePath.startsWith("/")) {
      causes.add(FieldCause.invalid(path + ".path", servicePath, "must start with a '/'"));
    }
    JsonNode port = service.get("port");
    if (port != null && !port.isNull() && (port.asInt() < 1 || port.asInt() > 65535)) {
      causes.add(
          FieldCause.invalid(
              path + ".port",
              port.asInt(),
              "port is not valid: must be between 1 and 65535, inclusive"));
    }
  }
}
