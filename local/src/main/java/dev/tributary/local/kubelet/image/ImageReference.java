package dev.tributary.local.kubelet.image;

/**
 * The parts of an image reference the kubelet matches on. Pure.
 *
 * @param reference the reference as written, e.g. {@code docker.io/coldtea214/heartbeats:1.0}
 * @param repository the reference without tag and digest, e.g. {@code
 *     docker.io/coldtea214/heartbeats}
 * @param name the repository's last path segment, e.g. {@code heartbeats}
 */
public record ImageReference(String reference, String repository, String name) {

  /** Parses {@code [registry/]path[:tag][@digest]}. */
  public static ImageReference parse(String reference) {
    String rest = reference.trim();
    int at = rest.indexOf('@');
    if (at >= 0) {
      rest = rest.substring(0, at);
    }
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      rest = rest.substring(0, colon); // a tag (a colon before the last slash is a registry port)
    }
    String name = rest.substring(rest.lastIndexOf('/') + 1);
    return new ImageReference(reference, rest, name);
  }
}
