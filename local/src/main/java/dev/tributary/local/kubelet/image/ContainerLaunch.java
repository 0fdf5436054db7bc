package dev.tributary.local.kubelet.image;

import dev.tributary.runtime.Program;
import java.util.List;
import java.util.function.Supplier;

/** How the kubelet runs a container, decided from its image ({@link ImageResolver}). */
public sealed interface ContainerLaunch {

  /** Run in this JVM as a {@link Program} with the container's env and args. */
  record InJvm(String program, Supplier<? extends Program> create) implements ContainerLaunch {}

  /**
   * Run as a host process. {@code command} is the full command line before {@code $(VAR)}
   * expansion.
   */
  record HostProcess(List<String> command) implements ContainerLaunch {
    public HostProcess {
      command = List.copyOf(command);
    }
  }

  /** The image cannot be run here: fail as a kubelet fails to pull it, with {@code message}. */
  record Unavailable(String message) implements ContainerLaunch {}
}
