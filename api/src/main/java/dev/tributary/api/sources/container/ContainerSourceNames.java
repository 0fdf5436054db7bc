package dev.tributary.api.sources.container;

import dev.tributary.api.kmeta.ChildName;

/** The names of the objects a ContainerSource owns, as upstream derives them. */
public final class ContainerSourceNames {
  private ContainerSourceNames() {}

  /** The Deployment running the source's pod template: {@code ChildName(name, "-deployment")}. */
  public static String deployment(String sourceName) {
    return ChildName.of(sourceName, "-deployment");
  }

  /** The SinkBinding injecting the sink: {@code ChildName(name, "-sinkbinding")}. */
  public static String sinkBinding(String sourceName) {
    return ChildName.of(sourceName, "-sinkbinding");
  }
}
