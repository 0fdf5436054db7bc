package dev.tributary.local.apiserver.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tributary.local.apiserver.http.Json;
import java.io.IOException;

/**
 * Decides, without building a tree, whether a stored object's JSON can be served as it is: when its
 * top-level {@code apiVersion} and {@code kind} are already the served ones, {@link
 * ObjectService#served} would return the object unchanged.
 */
final class ServedJson {

  private ServedJson() {}

  /**
   * Whether {@code json} (one JSON object) has exactly {@code apiVersion} and {@code kind} at its
   * top level. Reads only until both are seen (they usually come first); false for anything it
   * cannot read, so the caller takes the general path.
   */
  static boolean servedAsIs(byte[] json, String apiVersion, String kind) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean versionSeen = false;
      boolean kindSeen = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("apiVersion") || field.equals("kind")) {
          String expected = field.equals("kind") ? kind : apiVersion;
          if (value != JsonToken.VALUE_STRING || !parser.getText().equals(expected)) {
            return false;
          }
          versionSeen |= field.equals("apiVersion");
          kindSeen |= field.equals("kind");
          if (versionSeen && kindSeen) {
            return true;
          }
        } else {
          parser.skipChildren();
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
