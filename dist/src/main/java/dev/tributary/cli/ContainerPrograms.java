package dev.tributary.cli;

import dev.tributary.local.kubelet.image.BuiltinImages;
import java.util.ArrayList;
import java.util.List;

/** The programs the release's images run, one subcommand each (see {@link ProgramCommand}). */
final class ContainerPrograms {
  private ContainerPrograms() {}

  /** Every registered program, in {@code --help} order. */
  static List<ContainerProgram> all() {
    List<ContainerProgram> programs = new ArrayList<>();
    // The names the images and release.yaml use (dev.tributary.release.ReleaseImages).
    programs.add(
        new ContainerProgram(
            "controller",
            "Run eventing-controller: the source and SinkBinding reconcilers.",
            BuiltinImages.program("controller")));
    programs.add(
        new ContainerProgram(
            "webhook",
            "Run eventing-webhook: defaulting, validation, conversion, SinkBinding injection.",
            BuiltinImages.program("webhook")));
    programs.add(
        new ContainerProgram(
            "mtping",
            "Run pingsource-mt-adapter: sends the events of every PingSource.",
            BuiltinImages.program("mtping")));
    programs.add(
        new ContainerProgram(
            "apiserver-receive-adapter",
            "Run an ApiServerSource's receive adapter.",
            BuiltinImages.program("apiserver-receive-adapter")));
    return List.copyOf(programs);
  }
}
