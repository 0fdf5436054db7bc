package dev.tributary.local.apiserver.rbac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Test objects written as YAML or JSON text. */
final class Objects {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Objects() {}

  /** One object from YAML (or JSON, which is YAML). */
  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a multi-document YAML test resource. */
  static List<ObjectNode> resource(String name) {
    try (InputStream in = Objects.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(in).readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
