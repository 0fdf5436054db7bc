package dev.tributary.cli;

import dev.tributary.local.datadir.DataDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir} option of {@code up}, {@code status} and {@code down} (a picocli mixin),
 * so that all three mean the same directory when it is not given.
 */
final class DataDirOption {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the cluster keeps its state. Default: ~/.tributary.")
  Path dataDir;

  /** The directory given, or {@code ~/.tributary}; as given, not yet made absolute. */
  Path path() {
    return dataDir != null
        ? dataDir
        : DataDir.defaultRoot(Path.of(System.getProperty("user.home")));
  }
}
