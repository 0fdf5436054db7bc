package dev.tributary.api.sources.ping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON helpers shared by the PingSource tests of every version. */
public final class PingTestJson {

  public static final YAMLMapper YAML = new YAMLMapper();

  public static final ObjectMapper JSON = new ObjectMapper();

  private PingTestJson() {}

  /** {@code value} as a JSON tree. */
  public static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  /** A YAML test resource next to {@code anchor}, as a tree. */
  public static JsonNode yamlResource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name + " next to " + anchor);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
