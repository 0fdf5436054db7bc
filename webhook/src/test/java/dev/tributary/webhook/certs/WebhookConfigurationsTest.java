package dev.tributary.webhook.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookConfigurationsTest {
  private static final String CA = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

  @Test
  void defaultingRulesCoverEveryServedVersionSortedAsUpstream() {
    assertThat(WebhookConfigurations.defaultingRules())
        .extracting(r -> r.getApiVersions().get(0) + " " + String.join(",", r.getResources()))
        .containsExactly(
            "v1 apiserversources,apiserversources/status",
            "v1 containersources,containersources/status",
            "v1 pingsources,pingsources/status",
            "v1 sinkbindings,sinkbindings/status",
            "v1beta1 apiserversources,apiserversources/status",
            "v1beta1 containersources,containersources/status",
            "v1beta1 pingsources,pingsources/status",
            "v1beta1 sinkbindings,sinkbindings/status",
            "v1beta2 pingsources,pingsources/status");
    assertThat(WebhookConfigurations.defaultingRules())
        .allSatisfy(
            r -> {
              assertThat(r.getOperations()).containsExactly("CREATE", "UPDATE");
              assertThat(r.getApiGroups()).containsExactly("sources.knative.dev");
            });
    assertThat(WebhookConfigurations.validationRules())
        .extracting(RuleWithOperations::getOperations)
        .allSatisfy(ops -> assertThat(ops).containsExactly("CREATE", "UPDATE", "DELETE"));
  }

  @Test
  void reconcilingTheDefaultingConfigurationFillsInTheWebhooksPartOnly() {
    MutatingWebhookConfiguration installed =
        new MutatingWebhookConfigurationBuilder(
                WebhookConfigurations.defaulting("knative-eventing", "eventing-webhook"))
            .editFirstWebhook()
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .addNewMatchExpression()
                    .withKey("team")
                    .withOperator("Exists")
                    .endMatchExpression()
                    .addNewMatchExpression()
                    .withKey("old.knative.dev/thing")
                    .withOperator("Exists")
                    .endMatchExpression()
                    .build())
            .endWebhook()
            .build();
    MutatingWebhookConfiguration before =
        new MutatingWebhookConfigurationBuilder(installed).build();

    MutatingWebhookConfiguration out = WebhookConfigurations.reconcileDefaulting(installed, CA);

    assertThat(installed).isEqualTo(before);
    MutatingWebhook webhook = out.getWebhooks().get(0);
    assertThat(webhook.getRules()).isEqualTo(WebhookConfigurations.defaultingRules());
    assertThat(webhook.getClientConfig().getService().getPath()).isEqualTo("/defaulting");
    assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("eventing-webhook");
    assertThat(
            new String(
                Base64.getDecoder().decode(webhook.getClientConfig().getCaBundle()),
                StandardCharsets.UTF_8))
        .isEqualTo(CA);
    assertThat(webhook.getReinvocationPolicy()).isEqualTo("IfNeeded");
    assertThat(webhook.getNamespaceSelector().getMatchExpressions())
        .extracting(r -> r.getKey() + " " + r.getOperator())
        .containsExactly("webhooks.knative.dev/exclude DoesNotExist", "team Exists");
    assertThat(WebhookConfigurations.reconcileDefaulting(out, CA)).isEqualTo(out);
  }

  @Test
  void reconcilingTheValidationConfigurationSetsItsPathAndRules() {
    ValidatingWebhook webhook =
        WebhookConfigurations.reconcileValidation(
                WebhookConfigurations.validation("knative-eventing", "eventing-webhook"), CA)
            .getWebhooks()
            .get(0);
    assertThat(webhook.getClientConfig().getService().getPath()).isEqualTo("/resource-validation");
    assertThat(webhook.getRules()).isEqualTo(WebhookConfigurations.validationRules());
    assertThat(webhook.getFailurePolicy()).isEqualTo("Fail");
    assertThat(webhook.getSideEffects()).isEqualTo("None");
  }

  @Test
  void aWebhookWithoutAServiceReferenceIsRefused() {
    MutatingWebhookConfiguration urlOnly =
        new MutatingWebhookConfigurationBuilder(
                WebhookConfigurations.defaulting("knative-eventing", "eventing-webhook"))
            .editFirstWebhook()
            .withNewClientConfig()
            .withUrl("https://example.com")
            .endClientConfig()
            .endWebhook()
            .build();
    assertThatThrownBy(() -> WebhookConfigurations.reconcileDefaulting(urlOnly, CA))
        .hasMessage("missing service reference for webhook: webhook.eventing.knative.dev");
  }

  @Test
  void aCrdWithoutConversionIsPointedAtTheWebhook() {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("pingsources.sources.knative.dev")
            .endMetadata()
            .withNewSpec()
            .withGroup("sources.knative.dev")
            .endSpec()
            .build();
    CustomResourceDefinition out =
        WebhookConfigurations.reconcileConversion(crd, "knative-eventing", "eventing-webhook", CA);

    var conversion = out.getSpec().getConversion();
    assertThat(crd.getSpec().getConversion()).isNull();
    assertThat(conversion.getStrategy()).isEqualTo("Webhook");
    assertThat(conversion.getWebhook().getConversionReviewVersions())
        .containsExactly("v1", "v1beta1");
    assertThat(conversion.getWebhook().getClientConfig().getService().getNamespace())
        .isEqualTo("knative-eventing");
    assertThat(conversion.getWebhook().getClientConfig().getService().getName())
        .isEqualTo("eventing-webhook");
    assertThat(conversion.getWebhook().getClientConfig().getService().getPath())
        .isEqualTo("/resource-conversion");
    assertThat(
            WebhookConfigurations.reconcileConversion(out, "other", "other", CA)
                .getSpec()
                .getConversion())
        .as("an installed service reference is kept")
        .isEqualTo(conversion);
  }
}
