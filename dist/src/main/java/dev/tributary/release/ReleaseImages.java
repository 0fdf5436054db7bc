package dev.tributary.release;

import java.util.Objects;

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

  public ReleaseImages {
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(mtping, "mtping");
    Objects.requireNonNull(apiserverReceiveAdapter, "apiserverReceiveAdapter");
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
