package dev.tributary.cli;

import dev.tributary.runtime.Program;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A runtime {@link Program} the launcher runs as {@code tributary <name> [args...]}, in the
 * foreground with the process's env, as a container image's entrypoint runs it.
 *
 * @param name the subcommand, e.g. {@code controller}; also the image's name (see
 *     dev.tributary.release.ReleaseImages)
 * @param description one line for {@code tributary --help}
 * @param create makes a fresh program for one run
 */
record ContainerProgram(String name, String description, Supplier<? extends Program> create) {
  ContainerProgram {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(create, "create");
  }
}
