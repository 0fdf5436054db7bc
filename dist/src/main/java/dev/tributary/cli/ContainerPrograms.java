package dev.tributary.cli;

import java.util.ArrayList;
import java.util.List;

/** The programs the release's images run, one subcommand each (see {@link ProgramCommand}). */
final class ContainerPrograms {
  private ContainerPrograms() {}

  /** Every registered program, in {@code --help} order. */
  static List<ContainerProgram> all() {
    List<ContainerProgram> programs = new ArrayList<>();
    // ---- Merge point (issue 4): the control-plane programs are registered here, one line each,
    // with the names the images and release.yaml use (dev.tributary.release.ReleaseImages):
    // programs.add(new ContainerProgram("controller",
    //     "Run eventing-controller: the source reconcilers.",
    //     dev.tributary.controller.ControllerProgram::new));
    // programs.add(new ContainerProgram("webhook",
    //     "Run eventing-webhook: defaulting, validation, conversion, SinkBinding injection.",
    //     dev.tributary.webhook.WebhookProgram::new));
    // programs.add(new ContainerProgram("mtping",
    //     "Run pingsource-mt-adapter: sends the events of every PingSource.",
    //     dev.tributary.adapters.ping.MtPingProgram::new));
    // programs.add(new ContainerProgram("apiserver-receive-adapter",
    //     "Run an ApiServerSource's receive adapter.",
    //     dev.tributary.adapters.apiserver.ReceiveAdapterProgram::new));
    return List.copyOf(programs);
  }
}
