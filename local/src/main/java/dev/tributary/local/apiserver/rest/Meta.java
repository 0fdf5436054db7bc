package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing an object's {@code metadata}, with absent fields read as empty. */
public final class Meta {

  private Meta() {}

  /** The object's {@code metadata}, created empty if absent (or not an object). */
  public static ObjectNode of(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode node) {
      return node;
    }
    return object.putObject("metadata");
  }

  /** A text field of {@code metadata}, or {@code ""}. */
  public static String text(ObjectNode object, String field) {
    JsonNode metadata = object.get("metadata");
    if (metadata == null) {
      return "";
    }
    JsonNode value = metadata.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  public static String name(ObjectNode object) {
    return text(object, "name");
  }

  public static String namespace(ObjectNode object) {
    return text(object, "namespace");
  }

  public static String uid(ObjectNode object) {
    return text(object, "uid");
  }

  public static String resourceVersion(ObjectNode object) {
    return text(object, "resourceVersion");
  }

  /** {@code metadata.resourceVersion} as a revision, or null if absent; -1 if not a number. */
  public static Long revision(ObjectNode object) {
    String text = resourceVersion(object);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  /** Whether {@code metadata.deletionTimestamp} is set. */
  public static boolean deleting(ObjectNode object) {
    return !text(object, "deletionTimestamp").isEmpty();
  }

  /** {@code metadata.finalizers}, empty if absent. */
  public static List<String> finalizers(ObjectNode object) {
    List<String> finalizers = new ArrayList<>();
    JsonNode metadata = object.get("metadata");
    if (metadata != null && metadata.get("finalizers") instanceof ArrayNode array) {
      array.forEach(f -> finalizers.add(f.asText()));
    }
    return finalizers;
  }

  /** {@code metadata.labels}, or null if absent. */
  public static JsonNode labels(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    return metadata == null ? null : metadata.get("labels");
  }

  /** {@code metadata.generation}, or 0 if absent. */
  public static long generation(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    JsonNode generation = metadata == null ? null : metadata.get("generation");
    return generation == null ? 0 : generation.asLong();
  }

  /** Copies field {@code name} of {@code from}'s metadata onto {@code to}'s, or removes it. */
  public static void copy(ObjectNode from, ObjectNode to, String name) {
    JsonNode value = from.path("metadata").get(name);
    if (value == null || value.isNull()) {
      of(to).remove(name);
    } else {
      of(to).set(name, value.deepCopy());
    }
  }
}
