package dev.tributary.webhook.certs;

import dev.tributary.webhook.SourceVersion;
import dev.tributary.webhook.SourceVersions;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReference;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceConversion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceConversionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Knative Eventing's webhook configuration objects and what its webhook writes into them, as pure
 * functions (nothing here talks to an API server, and inputs are never changed).
 *
 * <ul>
 *   <li>{@link #defaulting}/{@link #validation}/{@link #sinkBindings}: the configurations as
 *       Knative's release installs them ({@code service} clientConfig, no caBundle yet).
 *   <li>{@link #reconcileDefaulting}/{@link #reconcileValidation}/{@link #reconcileSinkBindings}/
 *       {@link #reconcileConversion}: an installed object with the webhook's part filled in, as
 *       knative.dev/pkg's reconcilers do: rules over every served version of the four kinds (main
 *       resource and {@code /status}), the {@code webhooks.knative.dev/exclude} namespace selector,
 *       the service path, the caBundle, and for CRDs the conversion webhook.
 * </ul>
 */
public final class WebhookConfigurations {

  /** The defaulting MutatingWebhookConfiguration (and its webhook). */
  public static final String DEFAULTING_NAME = "webhook.eventing.knative.dev";

  /** The ValidatingWebhookConfiguration (and its webhook). */
  public static final String VALIDATION_NAME = "validation.webhook.eventing.knative.dev";

  /** The SinkBinding MutatingWebhookConfiguration (and its webhook). */
  public static final String SINK_BINDINGS_NAME = "sinkbindings.webhook.sources.knative.dev";

  public static final String DEFAULTING_PATH = "/defaulting";
  public static final String VALIDATION_PATH = "/resource-validation";
  public static final String CONVERSION_PATH = "/resource-conversion";
  public static final String SINK_BINDINGS_PATH = "/sinkbindings";

  /** The Secret holding the webhook's certificates. */
  public static final String SECRET_NAME = "eventing-webhook-certs";

  /** The label that keeps a namespace away from the defaulting and validation webhooks. */
  public static final String EXCLUDE_LABEL = "webhooks.knative.dev/exclude";

  /** The CRDs whose conversion the webhook serves: every multi-version source kind. */
  public static final List<String> CONVERTED_CRDS =
      List.of(
          "apiserversources.sources.knative.dev",
          "containersources.sources.knative.dev",
          "pingsources.sources.knative.dev",
          "sinkbindings.sources.knative.dev");

  private WebhookConfigurations() {}

  /** The defaulting configuration as installed: {@code webhook.eventing.knative.dev}. */
  public static MutatingWebhookConfiguration defaulting(String namespace, String service) {
    return mutating(DEFAULTING_NAME, namespace, service);
  }

  /** The SinkBinding configuration as installed: {@code sinkbindings.webhook.sources...}. */
  public static MutatingWebhookConfiguration sinkBindings(String namespace, String service) {
    return mutating(SINK_BINDINGS_NAME, namespace, service);
  }

  /** The validation configuration as installed: {@code validation.webhook.eventing.knative.dev}. */
  public static ValidatingWebhookConfiguration validation(String namespace, String service) {
    return new ValidatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(VALIDATION_NAME)
        .addToLabels("app.kubernetes.io/name", "knative-eventing")
        .endMetadata()
        .withWebhooks(
            new ValidatingWebhookBuilder()
                .withName(VALIDATION_NAME)
                .withAdmissionReviewVersions("v1", "v1beta1")
                .withNewClientConfig()
                .withNewService()
                .withName(service)
                .withNamespace(namespace)
                .endService()
                .endClientConfig()
                .withSideEffects("None")
                .withFailurePolicy("Fail")
                .withTimeoutSeconds(10)
                .build())
        .build();
  }

  private static MutatingWebhookConfiguration mutating(
      String name, String namespace, String service) {
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app.kubernetes.io/name", "knative-eventing")
        .endMetadata()
        .withWebhooks(
            new MutatingWebhookBuilder()
                .withName(name)
                .withAdmissionReviewVersions("v1", "v1beta1")
                .withNewClientConfig()
                .withNewService()
                .withName(service)
                .withNamespace(namespace)
                .endService()
                .endClientConfig()
                .withSideEffects("None")
                .withFailurePolicy("Fail")
                .withTimeoutSeconds(10)
                .build())
        .build();
  }

  /** Defaulting rules: CREATE and UPDATE of every served version, sorted as upstream. */
  public static List<RuleWithOperations> defaultingRules() {
    return rules(List.of("CREATE", "UPDATE"));
  }

  /** Validation rules: CREATE, UPDATE and DELETE of every served version, sorted as upstream. */
  public static List<RuleWithOperations> validationRules() {
    return rules(List.of("CREATE", "UPDATE", "DELETE"));
  }

  private static List<RuleWithOperations> rules(List<String> operations) {
    List<RuleWithOperations> rules = new ArrayList<>();
    for (SourceVersion<?> v : SourceVersions.all()) {
      rules.add(
          new RuleWithOperationsBuilder()
              .withOperations(operations)
              .withApiGroups(SourceVersion.GROUP)
              .withApiVersions(v.version())
              .withResources(v.plural(), v.plural() + "/status")
              // The API server's default, written out so a reconciled rule equals its stored form.
              .withScope("*")
              .build());
    }
    rules.sort(
        Comparator.comparing((RuleWithOperations r) -> r.getApiGroups().get(0))
            .thenComparing(r -> r.getApiVersions().get(0))
            .thenComparing(r -> r.getResources().get(0)));
    return rules;
  }

  /** The caBundle value for a CA certificate in PEM: the PEM's bytes, base64 as JSON carries it. */
  public static String caBundle(String caCertPem) {
    return Base64.getEncoder().encodeToString(caCertPem.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code installed} with the defaulting webhook's rules, namespace selector, path, caBundle and
   * {@code reinvocationPolicy: IfNeeded}.
   *
   * @throws IllegalStateException if the webhook has no {@code service} clientConfig (upstream's
   *     "missing service reference for webhook")
   */
  public static MutatingWebhookConfiguration reconcileDefaulting(
      MutatingWebhookConfiguration installed, String caCertPem) {
    MutatingWebhookConfiguration out = new MutatingWebhookConfigurationBuilder(installed).build();
    out.setWebhooks(
        editOwnWebhook(
            out.getMetadata().getName(),
            out.getWebhooks(),
            MutatingWebhook::getName,
            MutatingWebhook::getClientConfig,
            webhook ->
                new MutatingWebhookBuilder(webhook)
                    .withRules(defaultingRules())
                    .withNamespaceSelector(withExclusion(webhook.getNamespaceSelector()))
                    .editClientConfig()
                    .withCaBundle(caBundle(caCertPem))
                    .editService()
                    .withPath(DEFAULTING_PATH)
                    .endService()
                    .endClientConfig()
                    .withReinvocationPolicy("IfNeeded")
                    .build()));
    return out;
  }

  /**
   * {@code installed} with the SinkBinding webhook's caBundle and path. Its rules and selectors
   * belong to the SinkBinding reconciler, which rewrites them from the bindings it sees.
   */
  public static MutatingWebhookConfiguration reconcileSinkBindings(
      MutatingWebhookConfiguration installed, String caCertPem) {
    MutatingWebhookConfiguration out = new MutatingWebhookConfigurationBuilder(installed).build();
    out.setWebhooks(
        editOwnWebhook(
            out.getMetadata().getName(),
            out.getWebhooks(),
            MutatingWebhook::getName,
            MutatingWebhook::getClientConfig,
            webhook ->
                new MutatingWebhookBuilder(webhook)
                    .editClientConfig()
                    .withCaBundle(caBundle(caCertPem))
                    .editService()
                    .withPath(SINK_BINDINGS_PATH)
                    .endService()
                    .endClientConfig()
                    .build()));
    return out;
  }

  /** {@code installed} with the validation webhook's rules, namespace selector, path, caBundle. */
  public static ValidatingWebhookConfiguration reconcileValidation(
      ValidatingWebhookConfiguration installed, String caCertPem) {
    ValidatingWebhookConfiguration out =
        new ValidatingWebhookConfigurationBuilder(installed).build();
    out.setWebhooks(
        editOwnWebhook(
            out.getMetadata().getName(),
            out.getWebhooks(),
            ValidatingWebhook::getName,
            ValidatingWebhook::getClientConfig,
            webhook ->
                new ValidatingWebhookBuilder(webhook)
                    .withRules(validationRules())
                    .withNamespaceSelector(withExclusion(webhook.getNamespaceSelector()))
                    .editClientConfig()
                    .withCaBundle(caBundle(caCertPem))
                    .editService()
                    .withPath(VALIDATION_PATH)
                    .endService()
                    .endClientConfig()
                    .build()));
    return out;
  }

  /**
   * {@code webhooks} with the one named like its configuration (the webhook this program serves)
   * replaced by {@code edit} of it, the others as they are.
   *
   * @throws IllegalStateException if that webhook has no {@code service} clientConfig
   */
  private static <W> List<W> editOwnWebhook(
      String configurationName,
      List<W> webhooks,
      Function<W, String> name,
      Function<W, WebhookClientConfig> clientConfig,
      UnaryOperator<W> edit) {
    List<W> edited = new ArrayList<>();
    for (W webhook : orEmpty(webhooks)) {
      if (name.apply(webhook).equals(configurationName)) {
        WebhookClientConfig config = clientConfig.apply(webhook);
        requireService(name.apply(webhook), config == null ? null : config.getService());
        webhook = edit.apply(webhook);
      }
      edited.add(webhook);
    }
    return edited;
  }

  /**
   * {@code installed} converting through the webhook: {@code strategy: Webhook}, the service (the
   * installed one, else {@code namespace/service}) at {@link #CONVERSION_PATH}, the caBundle, and
   * review versions {@code v1, v1beta1} when none are set. Knative's release sets the strategy and
   * service itself; a CRD installed without them (such as the generated ones) gets them here, since
   * a multi-version kind stored as v1 cannot be served correctly by the {@code None} strategy.
   */
  public static CustomResourceDefinition reconcileConversion(
      CustomResourceDefinition installed, String namespace, String service, String caCertPem) {
    CustomResourceDefinition out =
        new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder(
                installed)
            .build();
    CustomResourceConversion current = out.getSpec().getConversion();
    boolean webhook =
        current != null
            && "Webhook".equals(current.getStrategy())
            && current.getWebhook() != null
            && current.getWebhook().getClientConfig() != null
            && current.getWebhook().getClientConfig().getService() != null;
    io.fabric8.kubernetes.api.model.apiextensions.v1.ServiceReference serviceRef =
        webhook
            ? current.getWebhook().getClientConfig().getService()
            : new io.fabric8.kubernetes.api.model.apiextensions.v1.ServiceReference(
                service, namespace, null, null);
    List<String> reviewVersions =
        webhook
                && current.getWebhook().getConversionReviewVersions() != null
                && !current.getWebhook().getConversionReviewVersions().isEmpty()
            ? current.getWebhook().getConversionReviewVersions()
            : List.of("v1", "v1beta1");
    out.getSpec()
        .setConversion(
            new CustomResourceConversionBuilder()
                .withStrategy("Webhook")
                .withNewWebhook()
                .withConversionReviewVersions(reviewVersions)
                .withNewClientConfig()
                .withCaBundle(caBundle(caCertPem))
                .withNewService()
                .withName(serviceRef.getName())
                .withNamespace(serviceRef.getNamespace())
                .withPort(serviceRef.getPort())
                .withPath(CONVERSION_PATH)
                .endService()
                .endClientConfig()
                .endWebhook()
                .build());
    return out;
  }

  /**
   * {@code current} with {@code webhooks.knative.dev/exclude DoesNotExist}, as knative.dev/pkg's
   * {@code EnsureLabelSelectorExpressions}: keys outside {@code knative.dev} are kept after it,
   * other Knative keys are dropped.
   */
  static LabelSelector withExclusion(LabelSelector current) {
    LabelSelectorRequirement exclude =
        new LabelSelectorRequirementBuilder()
            .withKey(EXCLUDE_LABEL)
            .withOperator("DoesNotExist")
            .build();
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    expressions.add(exclude);
    if (current != null && current.getMatchExpressions() != null) {
      current.getMatchExpressions().stream()
          .filter(r -> !r.getKey().contains("knative.dev"))
          .forEach(expressions::add);
    }
    return new LabelSelector(expressions, current == null ? null : current.getMatchLabels());
  }

  private static void requireService(String webhook, ServiceReference service) {
    if (service == null) {
      throw new IllegalStateException("missing service reference for webhook: " + webhook);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
