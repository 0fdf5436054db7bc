package dev.tributary.local.kubelet.image;

import dev.tributary.adapters.apiserver.ReceiveAdapterProgram;
import dev.tributary.adapters.eventdisplay.EventDisplay;
import dev.tributary.adapters.heartbeats.Heartbeats;
import dev.tributary.adapters.ping.MtPingProgram;
import dev.tributary.controller.ControllerProgram;
import dev.tributary.runtime.Program;
import dev.tributary.webhook.WebhookProgram;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The images that run in this JVM: Tributary's own (named by their last path segment as the release
 * names them: {@code .../controller}, {@code .../webhook}, {@code .../mtping}, {@code
 * .../apiserver-receive-adapter}) and Knative's samples (any repository ending in {@code
 * event_display} or {@code heartbeats}, e.g. {@code
 * gcr.io/knative-releases/knative.dev/eventing-contrib/cmd/event_display@sha256:...}).
 */
public final class BuiltinImages {
  private BuiltinImages() {}

  // Keys are the release's image names (dev.tributary.release.ReleaseImages in dist, which local
  // cannot depend on; dist's subcommands take their programs from here) and the samples' Go
  // command names.
  private static final Map<String, Supplier<? extends Program>> PROGRAMS =
      Map.of(
          "controller", ControllerProgram::new,
          "webhook", WebhookProgram::eventingWebhook,
          "mtping", MtPingProgram::new,
          "apiserver-receive-adapter", ReceiveAdapterProgram::new,
          "event_display", EventDisplay::new,
          "heartbeats", Heartbeats::new);

  /**
   * How to create the program an image name stands for ({@code controller}, {@code event_display},
   * ...): the one registry of programs, which the command line's subcommands use too.
   *
   * @throws IllegalArgumentException for a name that is not a built-in program
   */
  public static Supplier<? extends Program> program(String name) {
    Supplier<? extends Program> create = PROGRAMS.get(name);
    if (create == null) {
      throw new IllegalArgumentException("no built-in program " + name);
    }
    return create;
  }

  /** The in-JVM launch of {@code image}, if it is one of ours or a sample. */
  public static Optional<ContainerLaunch.InJvm> find(ImageReference image) {
    Supplier<? extends Program> create = PROGRAMS.get(image.name());
    return create == null
        ? Optional.empty()
        : Optional.of(new ContainerLaunch.InJvm(image.name(), create));
  }
}
