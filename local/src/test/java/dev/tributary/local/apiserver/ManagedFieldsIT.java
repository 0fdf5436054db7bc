package dev.tributary.local.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** managedFields of writes that are not applies, through fabric8 (which names no manager). */
class ManagedFieldsIT {

  @TempDir static Path temp;
  private static TestCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(temp.resolve("data"));
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withData(data)
        .build();
  }

  @Test
  void aCreateIsAnUpdateOfItsUserAgentsProductOwningEveryField() {
    ConfigMap created = client.resource(configMap("created", Map.of("a", "1"))).create();

    List<ManagedFieldsEntry> entries = created.getMetadata().getManagedFields();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).getManager()).isEqualTo("fabric8-kubernetes-client");
    assertThat(entries.get(0).getOperation()).isEqualTo("Update");
    assertThat(entries.get(0).getApiVersion()).isEqualTo("v1");
    assertThat(entries.get(0).getFieldsType()).isEqualTo("FieldsV1");
    assertThat(entries.get(0).getFieldsV1().getAdditionalProperties())
        .isEqualTo(Map.of("f:data", Map.of(".", Map.of(), "f:a", Map.of())));
  }

  @Test
  void anUnchangedPutWritesNothingAndAChangedOneRecordsItsFields() {
    ConfigMap created = client.resource(configMap("put", Map.of("a", "1"))).create();

    ConfigMap same = client.resource(created).update();
    assertThat(same.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
    assertThat(same.getMetadata().getManagedFields())
        .isEqualTo(created.getMetadata().getManagedFields());

    ConfigMap changed =
        client
            .configMaps()
            .inNamespace("default")
            .withName("put")
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.JSON_MERGE)
                    .withFieldManager("editor")
                    .build(),
                "{\"data\":{\"b\":\"2\"}}");
    assertThat(changed.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .containsExactly("fabric8-kubernetes-client", "editor");
    assertThat(
            changed.getMetadata().getManagedFields().get(1).getFieldsV1().getAdditionalProperties())
        .isEqualTo(Map.of("f:data", Map.of("f:b", Map.of())));
  }

  @Test
  void oneEmptyEntryClearsManagedFields() {
    ConfigMap created = client.resource(configMap("cleared", Map.of("a", "1"))).create();
    created.getMetadata().setManagedFields(List.of(new ManagedFieldsEntry()));

    ConfigMap cleared = client.resource(created).update();

    assertThat(cleared.getMetadata().getManagedFields()).isNullOrEmpty();
  }
}
