package dev.tributary.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (the dist module's pom runs it in {@code prepare-package}): writes {@link
 * ReleaseManifest} to each given file.
 *
 * <p>Arguments: {@code <registry> <tag> <version> <file>...}, e.g. {@code registry.example.com/team
 * 0.1.0 0.1.0 target/release.yaml}.
 */
public final class WriteReleaseManifest {
  private WriteReleaseManifest() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      throw new IllegalArgumentException(
          "usage: WriteReleaseManifest <registry> <tag> <version> <file>...");
    }
    String manifest = ReleaseManifest.render(ReleaseImages.of(args[0], args[1]), args[2]);
    for (int i = 3; i < args.length; i++) {
      Path file = Path.of(args[i]);
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, manifest, StandardCharsets.UTF_8);
      System.out.println("WriteReleaseManifest: wrote " + file);
    }
  }
}
