package dev.tributary.adapters.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.GoFlagSet;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatEventsTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2020-09-09T06:31:17.811801518Z");

  @Test
  void buildsUpstreamsHeartbeat() {
    CloudEvent event = events(Map.of(), "--period=1").build(655, "id-1", NOW);

    assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
    assertThat(event.getId()).isEqualTo("id-1");
    assertThat(event.getType()).isEqualTo("dev.knative.eventing.samples.heartbeat");
    assertThat(event.getSource())
        .isEqualTo(
            URI.create("https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod"));
    assertThat(event.getTime()).isEqualTo(NOW);
    assertThat(event.getSubject()).isNull();
    assertThat(event.getDataSchema()).isNull();
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    assertThat(event.getExtensionNames()).containsExactlyInAnyOrder("the", "heart", "beats");
    assertThat(event.getExtension("the")).isEqualTo(42);
    assertThat(event.getExtension("heart")).isEqualTo("yes");
    assertThat(event.getExtension("beats")).isEqualTo(true);
    assertThat(data(event)).isEqualTo("{\"id\":655,\"label\":\"\"}");
  }

  @Test
  void addsLabelAndMsgToTheData() {
    CloudEvent event = events(Map.of(), "--label=\"a<b>\"", "--msg=hi & bye").build(1, "i", NOW);

    assertThat(data(event))
        .isEqualTo("{\"id\":1,\"label\":\"a\\u003cb\\u003e\",\"msg\":\"hi \\u0026 bye\"}");
  }

  @Test
  void ceOverridesAreAddedAndMayReplaceTheBuiltInExtensions() {
    CloudEvent event =
        events(
                Map.of(
                    "K_CE_OVERRIDES", "{\"extensions\":{\"hello\":\"world\",\"the\":\"answer\"}}"))
            .build(1, "i", NOW);

    assertThat(event.getExtension("hello")).isEqualTo("world");
    assertThat(event.getExtension("the")).isEqualTo("answer");
    assertThat(event.getExtension("beats")).isEqualTo(true);
  }

  @Test
  void writesTheDataAsGosJsonMarshal() {
    assertThat(HeartbeatEvents.data(1, "", "")).isEqualTo("{\"id\":1,\"label\":\"\"}");
    // What Go 1.22+ writes for label "a\tb<>&\u2028A\xff" (an invalid byte) and control bytes.
    assertThat(HeartbeatEvents.data(2, "a\tb<>&\u2028A\uDCFF", ""))
        .isEqualTo("{\"id\":2,\"label\":\"a\\tb\\u003c\\u003e\\u0026\\u2028A\\ufffd\"}");
    assertThat(HeartbeatEvents.data(3, "\b\f\u0001 \u007f\"\\é", "m"))
        .isEqualTo("{\"id\":3,\"label\":\"\\b\\f\\u0001 \u007f\\\"\\\\é\",\"msg\":\"m\"}");
  }

  private static HeartbeatEvents events(Map<String, String> extraEnv, String... args) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("POD_NAME", "mypod");
    env.put("POD_NAMESPACE", "event-test");
    env.put("K_SINK", "http://sink");
    GoFlagSet.Parsed flags = (GoFlagSet.Parsed) HeartbeatsFlags.FLAGS.parse(List.of(args));
    return new HeartbeatEvents(HeartbeatsConfig.read(flags, Env.of(env)));
  }

  private static String data(CloudEvent event) {
    return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
  }
}
