package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Objects from YAML, built-in resource types, and causes as {@code field: message} lines. */
final class Fixtures {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Fixtures() {}

  static ObjectNode yaml(String text) {
    try {
      return (ObjectNode) YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResourceType type(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return BuiltinResources.all().stream()
        .filter(
            t -> t.group().equals(group) && t.version().equals(version) && t.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(apiVersion + " " + kind));
  }

  /** The causes of {@code object} (its own apiVersion and kind) as {@code field: message}. */
  static List<String> causes(ObjectValidator validator, ObjectNode object, ObjectNode old) {
    ResourceType type = type(object.path("apiVersion").asText(), object.path("kind").asText());
    return validator.validate(type, object, old).stream().map(FieldCause::text).toList();
  }

  static List<String> causes(ObjectValidator validator, String yaml) {
    return causes(validator, yaml(yaml), null);
  }

  /** The cause types, to check the reasons along with the texts. */
  static List<String> reasons(ObjectValidator validator, String yaml) {
    ObjectNode object = yaml(yaml);
    ResourceType type = type(object.path("apiVersion").asText(), object.path("kind").asText());
    return validator.validate(type, object, null).stream().map(FieldCause::reason).toList();
  }
}
