package dev.tributary.local.apiserver.watch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One watch event ({@code {"type":...,"object":...}}) serialised once, in the two forms the sinks
 * write: a text frame's string and a newline-terminated line of UTF-8 bytes. Immutable, so one
 * instance may be handed to every watch that sends the same event in the same form.
 */
public final class EncodedEvent {

  private final String text;
  private final byte[] line;

  private EncodedEvent(byte[] json) {
    this.text = new String(json, StandardCharsets.UTF_8);
    this.line = Arrays.copyOf(json, json.length + 1);
    this.line[json.length] = '\n';
  }

  /** {@code event} as compact JSON. */
  public static EncodedEvent of(JsonNode event) {
    return new EncodedEvent(Json.bytes(event));
  }

  /** The compact JSON, without a trailing newline. */
  public String text() {
    return text;
  }

  /**
   * The compact JSON and a newline, as UTF-8. The array is shared: never change it (Vert.x's {@code
   * Buffer.buffer(byte[])} copies it, which is how the sinks use it).
   */
  byte[] line() {
    return line;
  }
}
