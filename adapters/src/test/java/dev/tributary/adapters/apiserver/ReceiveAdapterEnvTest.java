package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.EnvException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiveAdapterEnvTest {

  private static final String CONFIG =
      "{\"namespaces\":[\"ns1\"],\"allNamespaces\":false,\"resources\":[{\"gvr\":{\"Group\":\"apps\","
          + "\"Version\":\"v1\",\"Resource\":\"deployments\"},\"selector\":\"app=foo\"}],"
          + "\"owner\":{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\"},\"mode\":\"Reference\","
          + "\"filters\":[{\"exact\":{\"type\":\"x\"}}],\"failFast\":true}";

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("K_SINK", "http://sink.default.svc.cluster.local");
    env.put("K_SOURCE_CONFIG", CONFIG);
    env.put("NAMESPACE", "ns1");
    env.put("NAME", "src");
    return env;
  }

  @Test
  void readsUpstreamsEnvironment() {
    Map<String, String> vars = env();
    vars.put("K_CE_OVERRIDES", "{\"extensions\":{\"hello\":\"world\"}}");
    ReceiveAdapterEnv env = ReceiveAdapterEnv.read(Env.of(vars));

    assertThat(env.sink().toString()).isEqualTo("http://sink.default.svc.cluster.local");
    assertThat(env.key()).isEqualTo("ns1/src");
    assertThat(env.config().namespaces()).containsExactly("ns1");
    assertThat(env.config().resources().getFirst().gvr().resource()).isEqualTo("deployments");
    assertThat(env.config().resources().getFirst().gvr().group()).isEqualTo("apps");
    assertThat(env.config().resources().getFirst().selector()).isEqualTo("app=foo");
    assertThat(env.config().owner().kind()).isEqualTo("ReplicaSet");
    assertThat(env.config().mode()).isEqualTo("Reference");
    assertThat(env.config().filters()).hasSize(1);
    assertThat(env.config().failFast()).isTrue();
    assertThat(env.ceOverrides().extensions()).containsEntry("hello", "world");
    assertThat(env.caCerts()).isEmpty();
  }

  @Test
  void missingRequiredVariablesAreReportedAsEnvconfigDoes() {
    for (String name : new String[] {"K_SINK", "NAMESPACE", "NAME", "K_SOURCE_CONFIG"}) {
      Map<String, String> vars = env();
      vars.remove(name);
      assertThatThrownBy(() -> ReceiveAdapterEnv.read(Env.of(vars)))
          .isInstanceOf(EnvException.class)
          .hasMessage("required key " + name + " missing value");
    }
  }

  @Test
  void malformedValuesNameTheirVariable() {
    Map<String, String> badConfig = env();
    badConfig.put("K_SOURCE_CONFIG", "{");
    assertThatThrownBy(() -> ReceiveAdapterEnv.read(Env.of(badConfig)))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("K_SOURCE_CONFIG");
    Map<String, String> badSink = env();
    badSink.put("K_SINK", "/relative");
    assertThatThrownBy(() -> ReceiveAdapterEnv.read(Env.of(badSink)))
        .isInstanceOf(EnvException.class)
        .hasMessageContaining("K_SINK");
  }
}
