package dev.tributary.local.kubelet.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's image mappings, {@code <data-dir>/images.yaml}: images the kubelet runs as host
 * commands. The file is read on every lookup, so edits apply to the next container start.
 *
 * <pre>
 * images:
 *   # exact reference first, then the repository without tag or digest
 *   registry.example.com/me/consumer:1.0:
 *     command: ["java", "-jar", "/home/me/consumer/target/consumer.jar"]
 *   registry.example.com/me/tool:
 *     command: ["/usr/local/bin/tool"]
 * </pre>
 *
 * The mapped command is the image's entrypoint: a container's {@code args} are appended to it, and
 * a container's own {@code command} replaces it, as with a real image. Thread-safe.
 */
public final class ImageMappings {

  /** The file's name under the data dir. */
  public static final String FILE_NAME = "images.yaml";

  private final Path file;
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  public ImageMappings(Path file) {
    this.file = file;
  }

  /** The file this reads. */
  public Path file() {
    return file;
  }

  /**
   * The entrypoint {@code image} is mapped to.
   *
   * @throws IOException when the file exists but cannot be read or parsed (the kubelet reports it
   *     in the container's status)
   */
  public Optional<List<String>> entrypoint(ImageReference image) throws IOException {
    JsonNode root;
    try {
      root = yaml.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    JsonNode images = root == null ? null : root.get("images");
    if (images == null || !images.isObject()) {
      return Optional.empty();
    }
    for (String key : List.of(image.reference(), image.repository())) {
      JsonNode entry = images.get(key);
      if (entry != null) {
        return Optional.of(command(key, entry));
      }
    }
    return Optional.empty();
  }

  private List<String> command(String key, JsonNode entry) throws IOException {
    JsonNode command = entry.get("command");
    if (command == null || !command.isArray() || command.isEmpty()) {
      throw new IOException(file + ": images." + key + ".command must be a non-empty list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode part : command) {
      out.add(part.asText());
    }
    return out;
  }

  /** For tests and docs: the YAML text mapping each image to its command. */
  public static String render(Map<String, List<String>> mappings) {
    StringBuilder out = new StringBuilder("images:\n");
    mappings.forEach(
        (image, command) -> {
          out.append("  \"").append(image).append("\":\n    command:\n");
          command.forEach(
              c -> out.append("      - \"").append(c.replace("\"", "\\\"")).append("\"\n"));
        });
    return out.toString();
  }
}
