package dev.tributary.local.apiserver.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EncodedEventsTest {

  private final EncodedEvents shared = new EncodedEvents();
  private final AtomicInteger encodings = new AtomicInteger();

  private Supplier<EncodedEvent> encoding(String type, String name) {
    return () -> {
      encodings.incrementAndGet();
      ObjectNode event = Json.NODES.objectNode().put("type", type);
      event.putObject("object").putObject("metadata").put("name", name);
      return EncodedEvent.of(event);
    };
  }

  @Test
  void anEventIsEncodedOnceForEveryWatchThatSendsItTheSameWay() {
    EncodedEvents.Key key = new EncodedEvents.Key(7, "MODIFIED", "v1", "ConfigMap");

    EncodedEvent first = shared.get(key, encoding("MODIFIED", "a"));
    EncodedEvent second =
        shared.get(new EncodedEvents.Key(7, "MODIFIED", "v1", "ConfigMap"), encoding("x", "x"));

    assertThat(second).isSameAs(first);
    assertThat(encodings).hasValue(1);
    assertThat(second.text())
        .isEqualTo("{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}");
  }

  @Test
  void anotherTypeVersionOrRevisionIsEncodedSeparately() {
    EncodedEvent modified =
        shared.get(
            new EncodedEvents.Key(7, "MODIFIED", "v1", "ConfigMap"), encoding("MODIFIED", "a"));
    EncodedEvent added =
        shared.get(new EncodedEvents.Key(7, "ADDED", "v1", "ConfigMap"), encoding("ADDED", "a"));
    shared.get(new EncodedEvents.Key(7, "MODIFIED", "v2", "ConfigMap"), encoding("MODIFIED", "a"));
    shared.get(new EncodedEvents.Key(8, "MODIFIED", "v1", "ConfigMap"), encoding("MODIFIED", "a"));

    assertThat(encodings).hasValue(4);
    assertThat(added.text()).startsWith("{\"type\":\"ADDED\"");
    assertThat(modified.text()).startsWith("{\"type\":\"MODIFIED\"");
  }

  @Test
  void aFailedEncodingIsNotKept() {
    EncodedEvents.Key key = new EncodedEvents.Key(9, "ADDED", "v1", "ConfigMap");

    assertThatThrownBy(
            () ->
                shared.get(
                    key,
                    () -> {
                      throw new IllegalStateException("not convertible");
                    }))
        .hasMessage("not convertible");
    EncodedEvent later = shared.get(key, encoding("ADDED", "b"));

    assertThat(later.text()).contains("\"name\":\"b\"");
  }

  @Test
  void manyEventsLaterAnOldOneIsEncodedAgainRatherThanKeptForever() {
    for (int revision = 0; revision < 10_000; revision++) {
      shared.get(
          new EncodedEvents.Key(revision, "ADDED", "v1", "ConfigMap"), encoding("ADDED", "a"));
    }
    int before = encodings.get();

    shared.get(new EncodedEvents.Key(0, "ADDED", "v1", "ConfigMap"), encoding("ADDED", "a"));

    assertThat(encodings.get()).isEqualTo(before + 1);
  }

  @Test
  void theLineIsTheTextAndANewlineInUtf8() {
    ObjectNode event = Json.NODES.objectNode().put("type", "ADDED").put("note", "grüße");

    EncodedEvent encoded = EncodedEvent.of(event);

    assertThat(encoded.text()).isEqualTo("{\"type\":\"ADDED\",\"note\":\"grüße\"}");
    assertThat(new String(encoded.line(), StandardCharsets.UTF_8)).isEqualTo(encoded.text() + "\n");
  }
}
