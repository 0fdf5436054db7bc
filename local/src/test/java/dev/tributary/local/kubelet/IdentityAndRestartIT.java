package dev.tributary.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods act as their ServiceAccount, and a restarted kubelet brings its pods back. */
class IdentityAndRestartIT {

  @TempDir Path dir;
  KubeletCluster cluster;

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void podsAuthenticateAsTheirServiceAccountAndRbacApplies() throws Exception {
    cluster = KubeletCluster.start(dir, KubeletSettings.defaults());
    KubernetesClient admin = cluster.client();
    admin
        .serviceAccounts()
        .inNamespace("default")
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName("events-sa")
                .endMetadata()
                .build())
        .create();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("who")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withServiceAccountName("events-sa")
            .addNewContainer()
            .withName("who")
            .withImage("alpine:3")
            .withCommand(
                "sh", "-c", "cat serviceaccount/namespace; echo; echo \"$KUBECONFIG\"; sleep 60")
            .endContainer()
            .endSpec()
            .build();
    admin.pods().inNamespace("default").resource(pod).create();

    String log =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> cluster.logs.text("default", "who", "who"),
                text -> text.lines().count() >= 2);
    assertThat(log.lines().findFirst()).hasValue("default");
    Path kubeconfig = Path.of(log.lines().toList().get(1));
    assertThat(kubeconfig).startsWith(dir);
    KubernetesClient asPod = cluster.client(Config.fromKubeconfig(Files.readString(kubeconfig)));

    assertThatThrownBy(() -> asPod.pods().inNamespace("default").list())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(403);
              assertThat(e.getMessage()).contains("system:serviceaccount:default:events-sa");
            });

    admin
        .rbac()
        .roles()
        .inNamespace("default")
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("pod-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("pods")
                .withVerbs("list")
                .endRule()
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace("default")
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("pod-reader")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "pod-reader")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("events-sa")
                .withNamespace("default")
                .endSubject()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(asPod.pods().inNamespace("default").list().getItems())
                    .extracting(p -> p.getMetadata().getName())
                    .contains("who"));
  }

  @Test
  void aRestartedKubeletStartsItsPodsAgainAsAfterAReboot() throws Exception {
    cluster = KubeletCluster.start(dir, KubeletSettings.defaults());
    KubernetesClient client = cluster.client();
    client.pods().inNamespace("default").resource(InJvmPodsIT.eventDisplay("display")).create();
    client
        .pods()
        .inNamespace("default")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("once")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("once")
                .withImage("alpine:3")
                .withCommand("echo", "ran")
                .endContainer()
                .endSpec()
                .build())
        .create();
    Pod before = awaitReady(client, "display", 0);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                "Succeeded"
                    .equals(
                        client
                            .pods()
                            .inNamespace("default")
                            .withName("once")
                            .get()
                            .getStatus()
                            .getPhase()));
    String ip = before.getStatus().getPodIP();

    cluster.stopKubelet();
    assertThat(connects(ip)).isFalse();
    cluster.startKubelet();

    Pod after = awaitReady(client, "display", 1);
    assertThat(after.getStatus().getPodIP()).isEqualTo(ip);
    assertThat(after.getStatus().getStartTime()).isEqualTo(before.getStatus().getStartTime());
    await().atMost(Duration.ofSeconds(10)).until(() -> connects(ip));
    // A completed pod is not run again.
    assertThat(client.pods().inNamespace("default").withName("once").get().getStatus().getPhase())
        .isEqualTo("Succeeded");
    assertThat(cluster.logs.text("default", "once", "once", 1)).isEmpty();
    assertThat(cluster.logs.text("default", "once", "once", 0)).isEqualTo("ran");
  }

  private static Pod awaitReady(KubernetesClient client, String name, int restarts) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.pods().inNamespace("default").withName(name).get(),
            pod ->
                pod.getStatus() != null
                    && pod.getStatus().getContainerStatuses() != null
                    && !pod.getStatus().getContainerStatuses().isEmpty()
                    && pod.getStatus().getContainerStatuses().get(0).getRestartCount() == restarts
                    && Boolean.TRUE.equals(pod.getStatus().getContainerStatuses().get(0).getReady())
                    && List.of("Running").contains(pod.getStatus().getPhase()));
  }

  private static boolean connects(String ip) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ip, 8080), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
