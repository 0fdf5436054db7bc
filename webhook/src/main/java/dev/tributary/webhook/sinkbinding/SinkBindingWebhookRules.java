package dev.tributary.webhook.sinkbinding;

import dev.tributary.api.sources.sinkbinding.SinkBinding;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rules of the {@value SinkBindingWebhookConfiguration#NAME} webhook covering the kinds
 * SinkBindings name as subjects, as knative.dev/pkg's psbinding reconciler does: whenever a
 * SinkBinding changes, the rules are recomputed ({@link SinkBindingWebhookConfiguration#rules}) and
 * written if they differ. Only the rules of that one webhook are touched; its clientConfig,
 * caBundle and selectors stay as whoever installed them made them.
 *
 * <p>Runs on the index's informer thread and blocks on API calls. Writing the same rules from two
 * replicas is harmless (they compute the same value). A failed write is logged and retried on the
 * next change.
 */
public final class SinkBindingWebhookRules {

  private static final Logger LOG = LoggerFactory.getLogger(SinkBindingWebhookRules.class);

  private final KubernetesClient client;
  private final SinkBindingIndex index;

  private SinkBindingWebhookRules(KubernetesClient client, SinkBindingIndex index) {
    this.client = client;
    this.index = index;
  }

  /** Keeps the webhook's rules in line with {@code index} from now on (call before its start). */
  public static SinkBindingWebhookRules follow(KubernetesClient client, SinkBindingIndex index) {
    SinkBindingWebhookRules rules = new SinkBindingWebhookRules(client, index);
    index.onChange(rules::sync);
    return rules;
  }

  /** Equal as rules, ignoring {@code scope}, which the API server defaults. */
  private static boolean same(List<RuleWithOperations> a, List<RuleWithOperations> b) {
    return b != null
        && a.stream()
            .map(SinkBindingWebhookRules::key)
            .toList()
            .equals(b.stream().map(SinkBindingWebhookRules::key).toList());
  }

  private static List<List<String>> key(RuleWithOperations rule) {
    return List.of(
        rule.getOperations(), rule.getApiGroups(), rule.getApiVersions(), rule.getResources());
  }

  /**
   * Writes the rules for the SinkBindings cached now, if the configuration exists and its rules
   * differ.
   *
   * @return whether the configuration was updated
   */
  public synchronized boolean sync() {
    List<Reference> subjects =
        index.all().stream()
            .map(SinkBinding::getSpec)
            .filter(Objects::nonNull)
            .map(spec -> spec.subject())
            .filter(Objects::nonNull)
            .toList();
    List<RuleWithOperations> rules = SinkBindingWebhookConfiguration.rules(subjects);
    String name = SinkBindingWebhookConfiguration.NAME;
    try {
      MutatingWebhookConfiguration current =
          client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(name).get();
      if (current == null) {
        LOG.warn("key={} webhook configuration missing, rules not written", name);
        return false;
      }
      boolean stale =
          current.getWebhooks().stream()
              .anyMatch(w -> name.equals(w.getName()) && !same(rules, w.getRules()));
      if (!stale) {
        return false;
      }
      for (MutatingWebhook webhook : current.getWebhooks()) {
        if (name.equals(webhook.getName())) {
          webhook.setRules(rules);
        }
      }
      client.resource(current).update();
      LOG.info("key={} webhook rules updated kinds={}", name, rules.size());
      return true;
    } catch (KubernetesClientException e) {
      LOG.warn("key={} webhook rules not updated: {}", name, e.getMessage());
      return false;
    }
  }
}
