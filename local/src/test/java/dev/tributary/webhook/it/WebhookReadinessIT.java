package dev.tributary.webhook.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.TestCluster;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.ProgramRuntime;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.webhook.WebhookProgram;
import dev.tributary.webhook.certs.ServingCertificate;
import dev.tributary.webhook.certs.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook is ready only once everything it serves is configured: started before its
 * configurations and CRDs are installed, it serves but stays unready, and becomes ready by itself
 * when they appear (it watches them). It also writes its CA into the SinkBinding configuration.
 */
class WebhookReadinessIT {

  @TempDir Path temp;
  TestCluster cluster;
  ProgramRuntime runtime;

  @AfterEach
  void stop() throws Exception {
    if (runtime != null) {
      assertThat(runtime.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .isZero();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void becomesReadyWhenItsConfigurationsAppear() throws Exception {
    cluster = TestCluster.start(temp.resolve("cluster"));
    KubernetesClient client = cluster.client();
    RecordingLogSink log = new RecordingLogSink();
    WebhookProgram program = new WebhookProgram();
    runtime =
        ProgramRuntime.start(
            program,
            Launch.of(
                    Env.of(
                        Map.of(
                            "KUBECONFIG", cluster.kubeconfig.toString(),
                            "METRICS_PROMETHEUS_PORT", "-1",
                            "PROBES_PORT", "-1",
                            "WEBHOOK_PORT", "0")),
                    List.of(),
                    log)
                .withBindHost("127.0.0.1"));
    program.port().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> log.text().contains("msg=\"webhook configurations incomplete; retrying\""));
    assertThat(program.ready()).isFalse();
    assertThat(log.text())
        .contains("MutatingWebhookConfiguration webhook.eventing.knative.dev not found")
        .contains("CustomResourceDefinition pingsources.sources.knative.dev not found");

    for (String crd : WebhookConfigurations.CONVERTED_CRDS) {
      try (InputStream yaml = getClass().getResourceAsStream("/crds/" + crd + ".yaml")) {
        client.apiextensions().v1().customResourceDefinitions().load(yaml).create();
      }
    }
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(WebhookConfigurations.sinkBindings("knative-eventing", "eventing-webhook"))
        .create();
    client
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .resource(WebhookConfigurations.validation("knative-eventing", "eventing-webhook"))
        .create();
    assertThat(program.ready()).isFalse();
    client
        .admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(WebhookConfigurations.defaulting("knative-eventing", "eventing-webhook"))
        .create();

    await().atMost(Duration.ofSeconds(60)).until(program::ready);
    String ca =
        client
            .secrets()
            .inNamespace("knative-eventing")
            .withName(WebhookConfigurations.SECRET_NAME)
            .get()
            .getData()
            .get(ServingCertificate.CA_CERT);
    MutatingWebhook sinkBindings =
        client
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withName(WebhookConfigurations.SINK_BINDINGS_NAME)
            .get()
            .getWebhooks()
            .get(0);
    assertThat(sinkBindings.getClientConfig().getCaBundle()).isEqualTo(ca);
    assertThat(sinkBindings.getClientConfig().getService().getPath()).isEqualTo("/sinkbindings");
    assertThat(sinkBindings.getRules()).as("the SinkBinding reconciler owns its rules").isEmpty();
  }
}
