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
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images that run in this JVM, and only those:
 *
 * <ul>
 *   <li>Tributary's own, as the release names them: {@code <registry>/<program>[:tag][@digest]}
 *       with the release's registry ({@link #DEFAULT_RELEASE_REGISTRY} unless the build set {@code
 *       image.registry}) and a program of {@code controller}, {@code webhook}, {@code mtping},
 *       {@code apiserver-receive-adapter};
 *   <li>Knative's sample images: {@code event_display} and {@code heartbeats} as Knative publishes
 *       them ({@code .../knative.dev/eventing[-contrib]/cmd/NAME}, or the older {@code
 *       .../github.com/knative/eventing-sources/cmd/NAME}, from any registry, e.g. {@code
 *       gcr.io/knative-releases/knative.dev/eventing-contrib/cmd/event_display@sha256:...}) and the
 *       walkthrough's {@code docker.io/coldtea214/heartbeats}.
 * </ul>
 *
 * Any other image - even one whose last path segment is {@code controller} - is not built in.
 */
public final class BuiltinImages {
  private BuiltinImages() {}

  /** The registry (and path) of the release's images when the build does not set another. */
  public static final String DEFAULT_RELEASE_REGISTRY = "localhost:5000/tributary";

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

  private static final Set<String> RELEASE_PROGRAMS =
      Set.of("controller", "webhook", "mtping", "apiserver-receive-adapter");

  private static final Pattern KNATIVE_SAMPLE =
      Pattern.compile(
          "(?:.+/)?(?:knative\\.dev/eventing(?:-contrib)?|github\\.com/knative/eventing-sources)"
              + "/cmd/(event_display|heartbeats)");

  /** The walkthrough's heartbeats image, however Docker Hub is spelled. */
  private static final Pattern WALKTHROUGH_HEARTBEATS =
      Pattern.compile("(?:(?:index\\.)?docker\\.io/)?coldtea214/heartbeats");

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

  /**
   * The in-JVM launch of {@code image}, if it is one of the release's (under {@code
   * releaseRegistry}) or a Knative sample.
   */
  public static Optional<ContainerLaunch.InJvm> find(ImageReference image, String releaseRegistry) {
    return programName(image, releaseRegistry)
        .map(name -> new ContainerLaunch.InJvm(name, PROGRAMS.get(name)));
  }

  private static Optional<String> programName(ImageReference image, String releaseRegistry) {
    String repository = image.repository();
    String registry =
        releaseRegistry.endsWith("/")
            ? releaseRegistry.substring(0, releaseRegistry.length() - 1)
            : releaseRegistry;
    if (RELEASE_PROGRAMS.contains(image.name())
        && repository.equals(registry + "/" + image.name())) {
      return Optional.of(image.name());
    }
    Matcher sample = KNATIVE_SAMPLE.matcher(repository);
    if (sample.matches()) {
      return Optional.of(sample.group(1));
    }
    if (WALKTHROUGH_HEARTBEATS.matcher(repository).matches()) {
      return Optional.of("heartbeats");
    }
    return Optional.empty();
  }
}
