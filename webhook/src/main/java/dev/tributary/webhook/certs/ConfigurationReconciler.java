package dev.tributary.webhook.certs;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the webhook's part into its configurations, as knative.dev/pkg's defaulting, validation,
 * psbinding and conversion reconcilers do (see {@link WebhookConfigurations}), and gives the two
 * admission configurations a (non-controller) owner reference to the system namespace so that
 * uninstalling it removes them. Objects already as wanted are not written.
 *
 * <p>Blocking (API calls); thread-confined to its caller. Idempotent: call it again whenever a
 * configuration, CRD or the certificate may have changed.
 */
public final class ConfigurationReconciler {

  /**
   * What one pass did.
   *
   * @param updated the objects it wrote, e.g. {@code MutatingWebhookConfiguration/webhook...}
   * @param problems what is missing or wrong (a configuration or CRD not installed yet); empty when
   *     everything the webhook serves is configured
   */
  public record Outcome(List<String> updated, List<String> problems) {
    public Outcome {
      updated = List.copyOf(updated);
      problems = List.copyOf(problems);
    }

    public boolean complete() {
      return problems.isEmpty();
    }
  }

  private final KubernetesClient client;
  private final String namespace;
  private final String service;

  public ConfigurationReconciler(KubernetesClient client, String namespace, String service) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * One pass over every configuration the webhook owns a part of.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when a read or write fails (a
   *     409 means someone wrote meanwhile: call again)
   */
  public Outcome reconcile(String caCertPem) {
    List<String> updated = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Namespace systemNamespace = client.namespaces().withName(namespace).get();

    var mutating = client.admissionRegistration().v1().mutatingWebhookConfigurations();
    MutatingWebhookConfiguration defaulting =
        mutating.withName(WebhookConfigurations.DEFAULTING_NAME).get();
    if (defaulting == null) {
      problems.add(
          "MutatingWebhookConfiguration " + WebhookConfigurations.DEFAULTING_NAME + " not found");
    } else {
      MutatingWebhookConfiguration want =
          owned(WebhookConfigurations.reconcileDefaulting(defaulting, caCertPem), systemNamespace);
      if (!want.equals(defaulting)) {
        mutating.resource(want).update();
        updated.add("MutatingWebhookConfiguration/" + WebhookConfigurations.DEFAULTING_NAME);
      }
    }

    var validating = client.admissionRegistration().v1().validatingWebhookConfigurations();
    ValidatingWebhookConfiguration validation =
        validating.withName(WebhookConfigurations.VALIDATION_NAME).get();
    if (validation == null) {
      problems.add(
          "ValidatingWebhookConfiguration " + WebhookConfigurations.VALIDATION_NAME + " not found");
    } else {
      ValidatingWebhookConfiguration want =
          owned(WebhookConfigurations.reconcileValidation(validation, caCertPem), systemNamespace);
      if (!want.equals(validation)) {
        validating.resource(want).update();
        updated.add("ValidatingWebhookConfiguration/" + WebhookConfigurations.VALIDATION_NAME);
      }
    }

    // Optional: installed with the SinkBinding webhook; nothing here depends on it.
    MutatingWebhookConfiguration sinkBindings =
        mutating.withName(WebhookConfigurations.SINK_BINDINGS_NAME).get();
    if (sinkBindings != null) {
      MutatingWebhookConfiguration want =
          WebhookConfigurations.reconcileSinkBindings(sinkBindings, caCertPem);
      if (!want.equals(sinkBindings)) {
        mutating.resource(want).update();
        updated.add("MutatingWebhookConfiguration/" + WebhookConfigurations.SINK_BINDINGS_NAME);
      }
    }

    var crds = client.apiextensions().v1().customResourceDefinitions();
    for (String name : WebhookConfigurations.CONVERTED_CRDS) {
      CustomResourceDefinition crd = crds.withName(name).get();
      if (crd == null) {
        problems.add("CustomResourceDefinition " + name + " not found");
        continue;
      }
      CustomResourceDefinition want =
          WebhookConfigurations.reconcileConversion(crd, namespace, service, caCertPem);
      if (!want.equals(crd)) {
        crds.resource(want).update();
        updated.add("CustomResourceDefinition/" + name);
      }
    }
    return new Outcome(updated, problems);
  }

  /** {@code object} owned (not controlled) by the system namespace, when that exists. */
  private static <T extends HasMetadata> T owned(T object, Namespace systemNamespace) {
    if (systemNamespace == null || systemNamespace.getMetadata().getUid() == null) {
      return object;
    }
    OwnerReference reference =
        new OwnerReferenceBuilder()
            .withApiVersion("v1")
            .withKind("Namespace")
            .withName(systemNamespace.getMetadata().getName())
            .withUid(systemNamespace.getMetadata().getUid())
            .withController(false)
            .withBlockOwnerDeletion(true)
            .build();
    object.getMetadata().setOwnerReferences(List.of(reference));
    return object;
  }
}
