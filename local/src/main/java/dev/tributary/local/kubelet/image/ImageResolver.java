package dev.tributary.local.kubelet.image;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how a container runs, in this order: a {@link BuiltinImages built-in} image in this JVM;
 * an image the user {@link ImageMappings mapped} to a host command; an unmapped image whose
 * container gives {@code command}/{@code args} as a host process of those (unless host exec is
 * off); otherwise {@link ContainerLaunch.Unavailable}, whose message says how to map the image.
 * Thread-safe; reads the mapping file.
 */
public final class ImageResolver {

  private final ImageMappings mappings;
  private final boolean hostExec;
  private final String releaseRegistry;

  /**
   * @param releaseRegistry the registry (and path) the release's images are under, {@link
   *     BuiltinImages#DEFAULT_RELEASE_REGISTRY} unless the build set another
   */
  public ImageResolver(ImageMappings mappings, boolean hostExec, String releaseRegistry) {
    this.mappings = mappings;
    this.hostExec = hostExec;
    this.releaseRegistry = Objects.requireNonNull(releaseRegistry, "releaseRegistry");
  }

  /** How {@code container} runs. */
  public ContainerLaunch resolve(Container container) {
    String image = container.getImage() == null ? "" : container.getImage();
    ImageReference reference = ImageReference.parse(image);
    Optional<ContainerLaunch.InJvm> builtin = BuiltinImages.find(reference, releaseRegistry);
    if (builtin.isPresent()) {
      return builtin.get();
    }
    List<String> command = nonNull(container.getCommand());
    List<String> args = nonNull(container.getArgs());
    Optional<List<String>> entrypoint;
    try {
      entrypoint = mappings.entrypoint(reference);
    } catch (IOException e) {
      return new ContainerLaunch.Unavailable(
          "image \"" + image + "\" could not be looked up: " + e.getMessage());
    }
    if (entrypoint.isPresent()) {
      List<String> line = new ArrayList<>(command.isEmpty() ? entrypoint.get() : command);
      line.addAll(args);
      return new ContainerLaunch.HostProcess(line);
    }
    if (!command.isEmpty() || !args.isEmpty()) {
      if (hostExec) {
        List<String> line = new ArrayList<>(command);
        line.addAll(args);
        return new ContainerLaunch.HostProcess(line);
      }
      return new ContainerLaunch.Unavailable(
          "image \""
              + image
              + "\" is not available on this local node and host exec is off (--no-host-exec):"
              + " map the image to a host command in "
              + mappings.file());
    }
    return new ContainerLaunch.Unavailable(
        "image \""
            + image
            + "\" is not available on this local node: map it to a host command in "
            + mappings.file()
            + " (images: {\""
            + reference.repository()
            + "\": {command: [...]}}), or give the container a command");
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }
}
