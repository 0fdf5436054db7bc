package dev.tributary.local.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostEnvRewriterTest {

  private final HostEnvRewriter rewriter =
      new HostEnvRewriter(
          "cluster.local",
          (namespace, name) ->
              Optional.ofNullable(
                  Map.of(
                          "default/event-display", "127.96.0.12",
                          "knative-eventing/webhook", "127.96.0.7")
                      .get(namespace + "/" + name)));

  @Test
  void qualifiedNamesBecomeClusterIpsKeepingSchemePortAndPath() {
    assertThat(rewriter.rewrite("http://event-display.default.svc.cluster.local", "x"))
        .isEqualTo("http://127.96.0.12");
    assertThat(rewriter.rewrite("http://event-display.default.svc.cluster.local:8080/a?b=c", "x"))
        .isEqualTo("http://127.96.0.12:8080/a?b=c");
    assertThat(rewriter.rewrite("webhook.knative-eventing.svc:443", "x"))
        .isEqualTo("127.96.0.7:443");
    assertThat(rewriter.rewrite("EVENT-DISPLAY.default.svc.cluster.local.", "x"))
        .isEqualTo("127.96.0.12");
    assertThat(
            rewriter.rewrite(
                "a=http://event-display.default.svc.cluster.local,b=webhook.knative-eventing.svc",
                "x"))
        .isEqualTo("a=http://127.96.0.12,b=127.96.0.7");
  }

  @Test
  void shortFormsOnlyAsUrlHostsAndBareNamesInThePodsNamespace() {
    assertThat(rewriter.rewrite("http://event-display.default/x", "other"))
        .isEqualTo("http://127.96.0.12/x");
    assertThat(rewriter.rewrite("http://event-display:80", "default"))
        .isEqualTo("http://127.96.0.12:80");
    assertThat(rewriter.rewrite("http://user:pw@event-display", "default"))
        .isEqualTo("http://user:pw@127.96.0.12");
    assertThat(rewriter.rewrite("http://event-display", "other")).isEqualTo("http://event-display");
    assertThat(rewriter.rewrite("event-display.default", "default"))
        .isEqualTo("event-display.default");
    assertThat(rewriter.rewrite("event-display", "default")).isEqualTo("event-display");
  }

  @Test
  void unknownServicesAndLookalikesAreLeftAlone() {
    assertThat(rewriter.rewrite("http://missing.default.svc.cluster.local", "default"))
        .isEqualTo("http://missing.default.svc.cluster.local");
    assertThat(rewriter.rewrite("x.event-display.default.svc.cluster.local", "default"))
        .isEqualTo("x.event-display.default.svc.cluster.local");
    assertThat(rewriter.rewrite("event-display.default.svc.cluster.local.example.org", "default"))
        .isEqualTo("event-display.default.svc.cluster.local.example.org");
    assertThat(rewriter.rewrite("--period=1", "default")).isEqualTo("--period=1");
    assertThat(rewriter.rewrite("{\"extensions\":{\"hello\":\"world\"}}", "default"))
        .isEqualTo("{\"extensions\":{\"hello\":\"world\"}}");
  }

  @Test
  void rewriteAllKeepsKeysAndOrder() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("K_SINK", "http://event-display.default.svc.cluster.local");
    env.put("POD_NAME", "heartbeats");

    assertThat(rewriter.rewriteAll(env, "default"))
        .containsExactly(
            Map.entry("K_SINK", "http://127.96.0.12"), Map.entry("POD_NAME", "heartbeats"));
  }
}
