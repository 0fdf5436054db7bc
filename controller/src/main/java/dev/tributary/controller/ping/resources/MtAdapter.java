package dev.tributary.controller.ping.resources;

import dev.tributary.controller.children.JsonTrees;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shared multi-tenant ping adapter, {@code knative-eventing/pingsource-mt-adapter}: the
 * Deployment is created by the release manifests; the controller only ensures the env of its {@code
 * dispatcher} container and scales it from 0 to 1 on first use (upstream's {@code
 * MakeReceiveAdapterEnvVar} and {@code needsUpdating}). Pure.
 */
public final class MtAdapter {

  /** The Deployment's name. */
  public static final String NAME = "pingsource-mt-adapter";

  /** The container whose env the controller manages. */
  public static final String CONTAINER = "dispatcher";

  private MtAdapter() {}

  /**
   * What the controller passes to the adapter.
   *
   * @param leaderElectionConfig {@code K_LEADER_ELECTION_CONFIG}
   * @param noShutdownAfter {@code K_NO_SHUTDOWN_AFTER}, the controller's own value (default 55)
   * @param sinkTimeout {@code K_SINK_TIMEOUT}, the controller's own value (default -1)
   * @param configEnv the logging/observability variables (§7), appended as given
   */
  public record Args(
      String leaderElectionConfig, int noShutdownAfter, int sinkTimeout, List<EnvVar> configEnv) {
    public Args {
      configEnv = List.copyOf(configEnv);
    }
  }

  /** The env the dispatcher must have, in upstream's order. */
  public static List<EnvVar> env(Args args) {
    List<EnvVar> env = new ArrayList<>();
    env.add(fieldRef("NAMESPACE", "metadata.namespace"));
    env.add(fieldRef("SYSTEM_NAMESPACE", "metadata.namespace"));
    env.add(new EnvVar("K_LEADER_ELECTION_CONFIG", args.leaderElectionConfig(), null));
    env.add(new EnvVar("K_NO_SHUTDOWN_AFTER", Integer.toString(args.noShutdownAfter()), null));
    env.add(new EnvVar("K_SINK_TIMEOUT", Integer.toString(args.sinkTimeout()), null));
    env.addAll(args.configEnv());
    return env;
  }

  /** The dispatcher container of {@code deployment}, if it has one. */
  public static Optional<Container> dispatcher(Deployment deployment) {
    if (deployment.getSpec() == null
        || deployment.getSpec().getTemplate() == null
        || deployment.getSpec().getTemplate().getSpec() == null
        || deployment.getSpec().getTemplate().getSpec().getContainers() == null) {
      return Optional.empty();
    }
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> CONTAINER.equals(c.getName()))
        .findFirst();
  }

  /**
   * Whether {@code live} must be updated: it is scaled to zero, or its dispatcher's env does not
   * hold {@code expected} as a semantic subset (position by position, as Go's DeepDerivative on
   * slices). False when there is no dispatcher container (the caller reports that).
   */
  public static boolean needsUpdate(Deployment live, List<EnvVar> expected, JsonTrees trees) {
    Optional<Container> dispatcher = dispatcher(live);
    if (dispatcher.isEmpty()) {
      return false;
    }
    return scaledToZero(live) || !trees.isDerivative(expected, dispatcher.get().getEnv());
  }

  /**
   * {@code live} with the dispatcher's env set to {@code expected}, followed by any variables of
   * its current env that {@code expected} does not name (such as {@code POD_NAME}; upstream drops
   * them, we keep what the release manifest gave the pod), and with replicas 1 if they were 0.
   * Changes and returns {@code live}, which must be a copy the caller owns.
   */
  public static Deployment withEnv(Deployment live, List<EnvVar> expected) {
    Container dispatcher =
        dispatcher(live)
            .orElseThrow(() -> new IllegalArgumentException("no " + CONTAINER + " container"));
    Set<String> names = new HashSet<>();
    expected.forEach(e -> names.add(e.getName()));
    List<EnvVar> env = new ArrayList<>(expected);
    if (dispatcher.getEnv() != null) {
      dispatcher.getEnv().stream().filter(e -> !names.contains(e.getName())).forEach(env::add);
    }
    dispatcher.setEnv(env);
    if (scaledToZero(live)) {
      live.getSpec().setReplicas(1);
    }
    return live;
  }

  private static boolean scaledToZero(Deployment deployment) {
    Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
    return replicas != null && replicas == 0;
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}
