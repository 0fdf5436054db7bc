package dev.tributary.release;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The image of each program the release runs, as a full reference ({@code registry/name:tag}).
 *
 * @param controller eventing-controller's image
 * @param webhook eventing-webhook's image
 * @param mtping pingsource-mt-adapter's image
 * @param apiserverReceiveAdapter the image of the receive adapters eventing-controller creates for
 *     ApiServerSources ({@code APISERVER_RA_IMAGE})
 */
public record ReleaseImages(
    String controller, String webhook, String mtping, String apiserverReceiveAdapter) {

  // The image names under a registry; each is also the subcommand its image runs (`tributary
  // <name>`, see dist's pom and dev.tributary.cli.ContainerPrograms).

  /** eventing-controller's image name. */
  public static final String CONTROLLER = "controller";

  /** eventing-webhook's image name. */
  public static final String WEBHOOK = "webhook";

  /** pingsource-mt-adapter's image name. */
  public static final String MTPING = "mtping";

  /** The ApiServerSource receive adapter's image name. */
  public static final String APISERVER_RECEIVE_ADAPTER = "apiserver-receive-adapter";

  /**
   * An {@code image:} line naming eventing-controller's image, {@code <registry>/controller...}.
   */
  private static final Pattern CONTROLLER_IMAGE_LINE =
      Pattern.compile(
          "(?m)^\\s*(?:-\\s+)?image:\\s*[\"']?([^\"'\\s]+)/"
              + CONTROLLER
              + "(?::[^\"'\\s/@]+)?(?:@[^\"'\\s]+)?[\"']?\\s*$");

  public ReleaseImages {
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(mtping, "mtping");
    Objects.requireNonNull(apiserverReceiveAdapter, "apiserverReceiveAdapter");
  }

  /**
   * The registry (and path) the images of a rendered release manifest are under, read from
   * eventing-controller's image ({@code <registry>/controller:<tag>}), so that a local cluster can
   * tell the release's images from others; empty if the manifest names no such image.
   */
  public static Optional<String> registryIn(String manifest) {
    Matcher image = CONTROLLER_IMAGE_LINE.matcher(manifest);
    return image.find() ? Optional.of(image.group(1)) : Optional.empty();
  }

  /**
   * The four images as {@code <registry>/<name>:<tag>}, the names the {@code -Pimages} build gives
   * them.
   *
   * @param registry a registry and optional path, e.g. {@code registry.example.com/team}; a
   *     trailing slash is ignored
   * @throws IllegalArgumentException if the registry or the tag is blank
   */
  public static ReleaseImages of(String registry, String tag) {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("image registry is blank");
    }
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("image tag is blank");
    }
    String prefix = registry.endsWith("/") ? registry : registry + "/";
    return new ReleaseImages(
        prefix + CONTROLLER + ":" + tag,
        prefix + WEBHOOK + ":" + tag,
        prefix + MTPING + ":" + tag,
        prefix + APISERVER_RECEIVE_ADAPTER + ":" + tag);
  }
}
