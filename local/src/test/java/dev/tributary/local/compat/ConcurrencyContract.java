package dev.tributary.local.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency: resourceVersion preconditions on update and delete. */
public abstract class ConcurrencyContract extends ApiServerContract {

  @Test
  void anUpdateFromAStaleResourceVersionIs409Conflict() {
    ConfigMap original = createConfigMap("contended", Map.of("n", "0"));
    admin
        .configMaps()
        .inNamespace(ns)
        .resource(new ConfigMapBuilder(original).addToData("n", "1").build())
        .update();

    KubernetesClientException error =
        failure(
            () ->
                admin
                    .configMaps()
                    .inNamespace(ns)
                    .resource(new ConfigMapBuilder(original).addToData("n", "2").build())
                    .update());

    assertThat(error.getCode()).isEqualTo(409);
    assertThat(error.getStatus().getReason()).isEqualTo("Conflict");
    assertThat(error.getStatus().getMessage())
        .isEqualTo(
            "Operation cannot be fulfilled on configmaps \"contended\": the object has been"
                + " modified; please apply your changes to the latest version and try again");
    assertThat(error.getStatus().getDetails().getName()).isEqualTo("contended");
    assertThat(error.getStatus().getDetails().getKind()).isEqualTo("configmaps");
    assertThat(admin.configMaps().inNamespace(ns).withName("contended").get().getData())
        .containsEntry("n", "1");
  }

  @Test
  void anUpdateWithoutResourceVersionIsUnconditional() {
    ConfigMap original = createConfigMap("unconditional", Map.of("n", "0"));
    ConfigMap blind = new ConfigMapBuilder(original).addToData("n", "9").build();
    blind.getMetadata().setResourceVersion(null);

    ConfigMap updated = admin.configMaps().inNamespace(ns).resource(blind).update();

    assertThat(updated.getData()).containsEntry("n", "9");
    assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(original.getMetadata().getResourceVersion()));
  }

  @Test
  void concurrentReadModifyWriteLoopsLoseNoIncrement() throws Exception {
    createConfigMap("counter", Map.of("n", "0"));
    int writers = 4;
    int incrementsEach = 5;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < incrementsEach; i++) {
                    while (true) {
                      ConfigMap current =
                          admin.configMaps().inNamespace(ns).withName("counter").get();
                      int n = Integer.parseInt(current.getData().get("n"));
                      try {
                        admin
                            .configMaps()
                            .inNamespace(ns)
                            .resource(
                                new ConfigMapBuilder(current)
                                    .addToData("n", Integer.toString(n + 1))
                                    .build())
                            .update();
                        break;
                      } catch (KubernetesClientException e) {
                        if (e.getCode() != 409) {
                          throw e;
                        }
                        conflicts.incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(admin.configMaps().inNamespace(ns).withName("counter").get().getData())
        .containsEntry("n", Integer.toString(writers * incrementsEach));
  }

  @Test
  void aDeleteWithAStaleResourceVersionPreconditionIs409Conflict() throws Exception {
    ConfigMap original = createConfigMap("guarded", Map.of());
    admin
        .configMaps()
        .inNamespace(ns)
        .resource(new ConfigMapBuilder(original).addToData("x", "y").build())
        .update();

    var response =
        raw(
            "DELETE",
            "/api/v1/namespaces/" + ns + "/configmaps/guarded",
            "application/json",
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\""
                + original.getMetadata().getResourceVersion()
                + "\"}}",
            null);

    assertThat(response.code()).isEqualTo(409);
    var status = json(response.body());
    assertThat(status.path("reason").asText()).isEqualTo("Conflict");
    assertThat(status.path("message").asText())
        .startsWith("Operation cannot be fulfilled on configmaps \"guarded\": ")
        .contains(
            "Precondition failed: ResourceVersion in precondition: "
                + original.getMetadata().getResourceVersion());
    assertThat(admin.configMaps().inNamespace(ns).withName("guarded").get()).isNotNull();
  }

  @Test
  void aDeleteWithAWrongUidPreconditionIs409Conflict() throws Exception {
    ConfigMap original = createConfigMap("uid-guarded", Map.of());

    var response =
        raw(
            "DELETE",
            "/api/v1/namespaces/" + ns + "/configmaps/uid-guarded",
            "application/json",
            "{\"preconditions\":{\"uid\":\"00000000-0000-0000-0000-000000000000\"}}",
            null);

    assertThat(response.code()).isEqualTo(409);
    var status = json(response.body());
    assertThat(status.path("reason").asText()).isEqualTo("Conflict");
    // Kubernetes wraps the precondition failure in its storage error's text; match the parts.
    assertThat(status.path("message").asText())
        .startsWith("Operation cannot be fulfilled on configmaps \"uid-guarded\": ")
        .contains(
            "Precondition failed: UID in precondition: 00000000-0000-0000-0000-000000000000, UID in"
                + " object meta: "
                + original.getMetadata().getUid());
    assertThat(status.path("details").path("name").asText()).isEqualTo("uid-guarded");
  }
}
