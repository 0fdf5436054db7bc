package dev.tributary.local.apiserver.admission;

import dev.tributary.local.apiserver.admission.webhook.WebhookAdmission;
import dev.tributary.local.apiserver.admission.webhook.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which admission steps a server runs: in-process plugins (each built from the server's {@link
 * AdmissionServices} when it starts) and, unless turned off, the dispatchers of the webhooks that
 * {@code MutatingWebhookConfiguration}s and {@code ValidatingWebhookConfiguration}s register.
 * Immutable; the {@code with} methods return changed copies.
 *
 * <p>Order, as kube-apiserver's: in-process mutating plugins (in the order added), mutating
 * webhooks; then, after the object's own validation, in-process validating plugins, validating
 * webhooks.
 *
 * @param mutating builds each in-process mutating plugin
 * @param validating builds each in-process validating plugin
 * @param webhooks how webhooks are called, or null to call none
 */
public record AdmissionPlugins(
    List<Function<AdmissionServices, MutatingAdmission>> mutating,
    List<Function<AdmissionServices, ValidatingAdmission>> validating,
    WebhookSettings webhooks) {

  public AdmissionPlugins {
    mutating = List.copyOf(mutating);
    validating = List.copyOf(validating);
  }

  /** No in-process plugins; webhooks with {@link WebhookSettings#defaults()}. */
  public static AdmissionPlugins defaults() {
    return new AdmissionPlugins(List.of(), List.of(), WebhookSettings.defaults());
  }

  /** Adds an in-process mutating plugin after those already added (before any webhook). */
  public AdmissionPlugins withMutating(Function<AdmissionServices, MutatingAdmission> plugin) {
    List<Function<AdmissionServices, MutatingAdmission>> more = new ArrayList<>(mutating);
    more.add(Objects.requireNonNull(plugin, "plugin"));
    return new AdmissionPlugins(more, validating, webhooks);
  }

  /** Adds an in-process validating plugin after those already added (before any webhook). */
  public AdmissionPlugins withValidating(Function<AdmissionServices, ValidatingAdmission> plugin) {
    List<Function<AdmissionServices, ValidatingAdmission>> more = new ArrayList<>(validating);
    more.add(Objects.requireNonNull(plugin, "plugin"));
    return new AdmissionPlugins(mutating, more, webhooks);
  }

  /** Replaces the webhook settings; null turns webhooks off. */
  public AdmissionPlugins withWebhooks(WebhookSettings value) {
    return new AdmissionPlugins(mutating, validating, value);
  }

  /** Builds the chain for a server (no I/O: {@link AdmissionChain#start()} loads). */
  public AdmissionChain build(AdmissionServices services) {
    List<MutatingAdmission> mutatingSteps = new ArrayList<>();
    List<ValidatingAdmission> validatingSteps = new ArrayList<>();
    List<AdmissionChain.Resource> resources = new ArrayList<>();
    mutating.forEach(factory -> mutatingSteps.add(factory.apply(services)));
    validating.forEach(factory -> validatingSteps.add(factory.apply(services)));
    if (webhooks != null) {
      WebhookAdmission admission = new WebhookAdmission(services.store(), webhooks);
      mutatingSteps.add(admission.mutating());
      validatingSteps.add(admission.validating());
      resources.add(admission);
    }
    return new AdmissionChain(mutatingSteps, validatingSteps, resources);
  }
}
