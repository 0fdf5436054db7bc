package dev.tributary.local.apiserver.defaults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** YAML test fixtures as ObjectNodes. */
final class TestJson {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TestJson() {}

  static ObjectNode yaml(String text) {
    return (ObjectNode) node(text);
  }

  static JsonNode node(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
