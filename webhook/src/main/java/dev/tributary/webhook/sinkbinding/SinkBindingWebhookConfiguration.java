package dev.tributary.webhook.sinkbinding;

import dev.tributary.api.sources.sinkbinding.BindingSelection;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The MutatingWebhookConfiguration that sends SinkBinding subjects to {@link
 * SinkBindingSubjectAdmission}, as upstream's {@code sinkbindings.yaml} once knative.dev/pkg's
 * psbinding reconciler has programmed it (spec §6.4): one webhook named {@value #NAME} calling
 * service {@code eventing-webhook} at {@value SinkBindingSubjectAdmission#PATH}, {@code
 * failurePolicy: Fail}, {@code sideEffects: None}, {@code timeoutSeconds: 10}, review versions v1
 * and v1beta1, {@code matchPolicy: Equivalent}, {@code reinvocationPolicy: IfNeeded}, the {@link
 * BindingSelection}'s label rule as both namespaceSelector and objectSelector, and a CREATE/UPDATE
 * rule per subject GroupKind over {@code <plural>/*}.
 *
 * <p>The GroupKinds are the built-in PodSpecable kinds (apps Deployment, ReplicaSet, StatefulSet,
 * DaemonSet; batch Job, CronJob; serving.knative.dev Service) plus those of the subjects given, so
 * a binding on a custom kind is admitted once the configuration is rebuilt with it. Pure: every
 * call builds a new object.
 */
public final class SinkBindingWebhookConfiguration {

  /** The configuration's and its webhook's name, as upstream. */
  public static final String NAME = "sinkbindings.webhook.sources.knative.dev";

  /** The built-in subject kinds, by group, with the versions to list in their rules. */
  private static final List<Reference> BUILT_IN =
      List.of(
          kind("apps/v1", "Deployment"),
          kind("apps/v1", "ReplicaSet"),
          kind("apps/v1", "StatefulSet"),
          kind("apps/v1", "DaemonSet"),
          kind("batch/v1", "Job"),
          kind("batch/v1", "CronJob"),
          kind("serving.knative.dev/v1", "Service"));

  /**
   * Where the webhook is and how it selects.
   *
   * @param serviceNamespace the webhook Service's namespace, {@code knative-eventing} upstream
   * @param serviceName the webhook Service, {@code eventing-webhook} upstream
   * @param caBundle PEM bytes of the CA that signed the webhook's certificate, or null while
   *     unknown
   * @param selection the label rule ({@code SINK_BINDING_SELECTION_MODE})
   */
  public record Settings(
      String serviceNamespace, String serviceName, byte[] caBundle, BindingSelection selection) {

    /** Upstream's service {@code knative-eventing/eventing-webhook}, exclusion mode. */
    public static Settings upstream(byte[] caBundle) {
      return new Settings(
          "knative-eventing", "eventing-webhook", caBundle, BindingSelection.EXCLUSION);
    }
  }

  private SinkBindingWebhookConfiguration() {}

  /** The configuration for the built-in kinds and those of {@code subjects}. */
  public static MutatingWebhookConfiguration build(
      Settings settings, Collection<Reference> subjects) {
    LabelSelector selector = selector(settings.selection());
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName(NAME)
        .addToLabels("app.kubernetes.io/name", "knative-eventing")
        .endMetadata()
        .addNewWebhook()
        .withName(NAME)
        .withAdmissionReviewVersions("v1", "v1beta1")
        .withNewClientConfig()
        .withNewService()
        .withNamespace(settings.serviceNamespace())
        .withName(settings.serviceName())
        .withPath(SinkBindingSubjectAdmission.PATH)
        .endService()
        .withCaBundle(
            settings.caBundle() == null
                ? null
                : Base64.getEncoder().encodeToString(settings.caBundle()))
        .endClientConfig()
        .withFailurePolicy("Fail")
        .withSideEffects("None")
        .withTimeoutSeconds(10)
        .withMatchPolicy("Equivalent")
        .withReinvocationPolicy("IfNeeded")
        .withNamespaceSelector(selector)
        .withObjectSelector(new LabelSelectorBuilder(selector).build())
        .withRules(rules(subjects))
        .endWebhook()
        .build();
  }

  /**
   * One CREATE/UPDATE rule per GroupKind of the built-in kinds and {@code subjects}, listing every
   * version seen for it, over {@code <lower-case plural>/*} (the resource and its subresources);
   * sorted by group, then first version, then resource, as upstream.
   */
  public static List<RuleWithOperations> rules(Collection<Reference> subjects) {
    Map<String, TreeSet<String>> versionsByGroupKind = new TreeMap<>();
    List<Reference> all = new ArrayList<>(BUILT_IN);
    all.addAll(subjects);
    for (Reference subject : all) {
      if (subject.apiVersion() == null || subject.kind() == null) {
        continue;
      }
      int slash = subject.apiVersion().indexOf('/');
      String group = slash < 0 ? "" : subject.apiVersion().substring(0, slash);
      String version = subject.apiVersion().substring(slash + 1);
      versionsByGroupKind
          .computeIfAbsent(group + "\u0000" + subject.kind(), k -> new TreeSet<>())
          .add(version);
    }
    List<RuleWithOperations> rules = new ArrayList<>();
    versionsByGroupKind.forEach(
        (groupKind, versions) -> {
          String[] parts = groupKind.split("\u0000", 2);
          rules.add(
              new RuleWithOperationsBuilder()
                  .withOperations("CREATE", "UPDATE")
                  .withApiGroups(parts[0])
                  .withApiVersions(List.copyOf(versions))
                  .withResources(plural(parts[1]) + "/*")
                  .build());
        });
    rules.sort(
        Comparator.comparing((RuleWithOperations r) -> r.getApiGroups().get(0))
            .thenComparing(r -> r.getApiVersions().get(0))
            .thenComparing(r -> r.getResources().get(0)));
    return rules;
  }

  /** The label rule of {@code selection}, as upstream's Exclusion/InclusionSelector. */
  static LabelSelector selector(BindingSelection selection) {
    return switch (selection) {
      case EXCLUSION ->
          new LabelSelectorBuilder()
              .addNewMatchExpression()
              .withKey(BindingSelection.EXCLUDE_LABEL)
              .withOperator("NotIn")
              .withValues("true")
              .endMatchExpression()
              .build();
      case INCLUSION ->
          new LabelSelectorBuilder()
              .addNewMatchExpression()
              .withKey(BindingSelection.INCLUDE_LABEL)
              .withOperator("In")
              .withValues("true")
              .endMatchExpression()
              .build();
    };
  }

  /**
   * The lower-case English plural of a kind, for the common endings (upstream inflects with a
   * library): {@code Deployment} → {@code deployments}, {@code Policy} → {@code policies}, {@code
   * Ingress} → {@code ingresses}.
   */
  static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return lower + "es";
    }
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }

  private static Reference kind(String apiVersion, String kind) {
    return new Reference(apiVersion, kind, null, null, null);
  }
}
