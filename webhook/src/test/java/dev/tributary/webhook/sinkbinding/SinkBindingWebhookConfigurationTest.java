package dev.tributary.webhook.sinkbinding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.sinkbinding.BindingSelection;
import dev.tributary.api.tracker.Reference;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkBindingWebhookConfigurationTest {

  @Test
  void hasUpstreamsShape() {
    MutatingWebhookConfiguration configuration =
        SinkBindingWebhookConfiguration.build(
            SinkBindingWebhookConfiguration.Settings.upstream(
                "PEM".getBytes(StandardCharsets.UTF_8)),
            List.of());

    assertThat(configuration.getMetadata().getName())
        .isEqualTo("sinkbindings.webhook.sources.knative.dev");
    assertThat(configuration.getWebhooks()).hasSize(1);
    MutatingWebhook webhook = configuration.getWebhooks().get(0);
    assertThat(webhook.getName()).isEqualTo("sinkbindings.webhook.sources.knative.dev");
    assertThat(webhook.getAdmissionReviewVersions()).containsExactly("v1", "v1beta1");
    assertThat(webhook.getClientConfig().getService().getNamespace()).isEqualTo("knative-eventing");
    assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("eventing-webhook");
    assertThat(webhook.getClientConfig().getService().getPath()).isEqualTo("/sinkbindings");
    assertThat(webhook.getClientConfig().getCaBundle()).isEqualTo("UEVN");
    assertThat(webhook.getFailurePolicy()).isEqualTo("Fail");
    assertThat(webhook.getSideEffects()).isEqualTo("None");
    assertThat(webhook.getTimeoutSeconds()).isEqualTo(10);
    assertThat(webhook.getMatchPolicy()).isEqualTo("Equivalent");
    assertThat(webhook.getReinvocationPolicy()).isEqualTo("IfNeeded");
    String exclusion =
        "{\"matchExpressions\":[{\"key\":\"bindings.knative.dev/exclude\",\"operator\":\"NotIn\","
            + "\"values\":[\"true\"]}]}";
    KubernetesSerialization json = new KubernetesSerialization();
    assertThat(json.asJson(webhook.getNamespaceSelector())).isEqualTo(exclusion);
    assertThat(json.asJson(webhook.getObjectSelector())).isEqualTo(exclusion);
  }

  @Test
  void inclusionModeSelectsOnlyWhatIsLabelledIn() {
    MutatingWebhook webhook =
        SinkBindingWebhookConfiguration.build(
                new SinkBindingWebhookConfiguration.Settings(
                    "ns", "svc", null, BindingSelection.INCLUSION),
                List.of())
            .getWebhooks()
            .get(0);

    String inclusion =
        "{\"matchExpressions\":[{\"key\":\"bindings.knative.dev/include\",\"operator\":\"In\","
            + "\"values\":[\"true\"]}]}";
    KubernetesSerialization json = new KubernetesSerialization();
    assertThat(json.asJson(webhook.getNamespaceSelector())).isEqualTo(inclusion);
    assertThat(json.asJson(webhook.getObjectSelector())).isEqualTo(inclusion);
    assertThat(webhook.getClientConfig().getCaBundle()).isNull();
    assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("svc");
  }

  @Test
  void rulesCoverTheBuiltInKindsAndEverySubjectKindSortedByGroup() {
    List<RuleWithOperations> rules =
        SinkBindingWebhookConfiguration.rules(
            List.of(
                Reference.byName("example.dev/v1alpha1", "Widget", "ns", "w"),
                Reference.byName("example.dev/v1", "Widget", "ns", "w2"),
                Reference.byName("apps/v1", "Deployment", "ns", "d")));

    assertThat(rules)
        .extracting(
            r -> r.getApiGroups().get(0) + " " + r.getApiVersions() + " " + r.getResources())
        .containsExactly(
            "apps [v1] [daemonsets/*]",
            "apps [v1] [deployments/*]",
            "apps [v1] [replicasets/*]",
            "apps [v1] [statefulsets/*]",
            "batch [v1] [cronjobs/*]",
            "batch [v1] [jobs/*]",
            "example.dev [v1, v1alpha1] [widgets/*]",
            "serving.knative.dev [v1] [services/*]");
    assertThat(rules)
        .allSatisfy(r -> assertThat(r.getOperations()).containsExactly("CREATE", "UPDATE"));
  }

  @Test
  void pluralsFollowEnglish() {
    assertThat(SinkBindingWebhookConfiguration.plural("Deployment")).isEqualTo("deployments");
    assertThat(SinkBindingWebhookConfiguration.plural("Ingress")).isEqualTo("ingresses");
    assertThat(SinkBindingWebhookConfiguration.plural("Policy")).isEqualTo("policies");
    assertThat(SinkBindingWebhookConfiguration.plural("Gateway")).isEqualTo("gateways");
    assertThat(SinkBindingWebhookConfiguration.plural("Box")).isEqualTo("boxes");
  }
}
