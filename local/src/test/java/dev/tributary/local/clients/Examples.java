package dev.tributary.local.clients;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The repository's {@code examples/} folder: the walkthrough's manifests, byte for byte. */
final class Examples {

  private Examples() {}

  /** {@code examples/<name>}, found from the module's or the repository's directory. */
  static Path file(String name) throws NoSuchFileException {
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new NoSuchFileException("examples/" + name + " above " + here);
  }
}
