package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads an apply patch's body (YAML or JSON) as the applied configuration. */
public final class AppliedConfiguration {

  private static final ObjectMapper YAML = new YAMLMapper();

  private AppliedConfiguration() {}

  /**
   * The configuration of a body the patch engine has already accepted (so it is an object, or
   * empty).
   *
   * @throws UncheckedIOException if the body does not parse, which the patch engine has ruled out
   */
  public static ObjectNode parse(byte[] body) {
    try {
      JsonNode node = YAML.readTree(body);
      return node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      throw new UncheckedIOException("apply patch body no longer parses", e);
    }
  }
}
