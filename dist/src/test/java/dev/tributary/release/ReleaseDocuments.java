package dev.tributary.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** A release manifest split into its documents, for tests to look objects up in. */
record ReleaseDocuments(List<JsonNode> documents) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static ReleaseDocuments parse(String manifest) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(manifest)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          documents.add(doc);
        }
      }
    }
    return new ReleaseDocuments(List.copyOf(documents));
  }

  /** {@code kind/name} or {@code kind/namespace/name} of each document, in order. */
  List<String> keys() {
    return documents.stream().map(ReleaseDocuments::key).toList();
  }

  static String key(JsonNode doc) {
    JsonNode meta = doc.path("metadata");
    String ns = meta.path("namespace").asText("");
    return doc.path("kind").asText()
        + "/"
        + (ns.isEmpty() ? "" : ns + "/")
        + meta.path("name").asText();
  }

  JsonNode get(String key) {
    return documents.stream()
        .filter(d -> key(d).equals(key))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(key + " not in " + keys()));
  }

  List<JsonNode> ofKind(String kind) {
    return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  /** The env entry {@code name} of {@code container}, or a missing node. */
  static JsonNode env(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        return e;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The only container of a Deployment. */
  static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
    if (containers.size() != 1) {
      throw new IllegalStateException(
          key(deployment) + " has " + containers.size() + " containers");
    }
    return containers.get(0);
  }
}
