package dev.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoIT {

  @Test
  void heartbeatsReachTheDisplayInKnativesFormatWithIncreasingIds() throws Exception {
    List<String> display = new CopyOnWriteArrayList<>();
    List<String> heartbeats = new CopyOnWriteArrayList<>();
    Demo demo =
        Demo.start(0, "100ms", display::add, heartbeats::add)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> String.join("\n", display).contains("\"id\": 3,"));
    } finally {
      assertThat(demo.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
          .isIn(0, 143);
    }
    String out = String.join("\n", display);
    assertThat(out)
        .startsWith(
            "☁️  cloudevents.Event\nValidation: valid\nContext Attributes,\n  specversion: 1.0")
        .contains("  source: https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod")
        .contains(
            "Extensions,\n  beats: true\n  heart: yes\n  the: 42\nData,\n  {\n    \"id\": 1,");
    assertThat(out.indexOf("\"id\": 1,")).isLessThan(out.indexOf("\"id\": 2,"));
    assertThat(out.indexOf("\"id\": 2,")).isLessThan(out.indexOf("\"id\": 3,"));
    assertThat(heartbeats)
        .anyMatch(l -> l.contains("sending cloudevent to http://127.0.0.1:" + demo.port()));
  }
}
