package dev.tributary.api.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the test manifests with plain Jackson, as an API client would, and compares JSON. */
public final class ManifestJson {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestJson() {}

  /** The manifest {@code name} under src/test/resources/manifests as {@code type}. */
  public static <T> T read(String name, Class<T> type) {
    try (InputStream in = open(name)) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest as a JSON tree, numbers normalized as JSON text would give them. */
  public static JsonNode tree(String name) {
    try (InputStream in = open(name)) {
      return normalize(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code value} serialized, as a JSON tree. */
  public static JsonNode tree(Object value) {
    return normalize(JSON.valueToTree(value));
  }

  /** {@code value} serialized to JSON text. */
  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode normalize(JsonNode node) {
    try {
      return JSON.readTree(JSON.writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = ManifestJson.class.getResourceAsStream("/manifests/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no test manifest " + name);
    }
    return in;
  }
}
