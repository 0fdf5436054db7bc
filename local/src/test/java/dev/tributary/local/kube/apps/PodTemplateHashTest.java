package dev.tributary.local.kube.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @Test
  void fnv32aMatchesTheReferenceVectors() {
    assertThat(PodTemplateHash.fnv32a(0x811c9dc5, new byte[0])).isEqualTo(0x811c9dc5);
    assertThat(PodTemplateHash.fnv32a(0x811c9dc5, "a".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xe40c292c);
    assertThat(PodTemplateHash.fnv32a(0x811c9dc5, "foobar".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xbf9cf968);
  }

  @Test
  void safeEncodeMapsEachDigitIntoKubernetesAlphabet() {
    assertThat(PodTemplateHash.safeEncode("0123456789")).isEqualTo("456789bcdf");
  }

  @Test
  void equalTemplatesHashAlikeWhateverTheirKeyOrder() {
    PodTemplateSpec a = Fixtures.template("nginx:1");
    PodTemplateSpec b = Fixtures.template("nginx:1");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("z", "1");
    labels.put("app", "web");
    a.getMetadata().setLabels(labels);
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("app", "web");
    reversed.put("z", "1");
    b.getMetadata().setLabels(reversed);

    assertThat(PodTemplateHash.of(a, null, serialization))
        .isEqualTo(PodTemplateHash.of(b, null, serialization))
        .matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
  }

  @Test
  void imageAndCollisionCountChangeTheHash() {
    String base = PodTemplateHash.of(Fixtures.template("nginx:1"), null, serialization);

    assertThat(PodTemplateHash.of(Fixtures.template("nginx:2"), null, serialization))
        .isNotEqualTo(base);
    assertThat(PodTemplateHash.of(Fixtures.template("nginx:1"), 1, serialization))
        .isNotEqualTo(base)
        .isNotEqualTo(PodTemplateHash.of(Fixtures.template("nginx:1"), 2, serialization));
  }
}
