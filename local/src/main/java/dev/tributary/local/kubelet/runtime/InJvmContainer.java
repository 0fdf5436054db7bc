package dev.tributary.local.kubelet.runtime;

import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.LogSink;
import dev.tributary.runtime.Program;
import dev.tributary.runtime.ProgramRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A container run in this JVM: a {@link Program} on its own {@link ProgramRuntime} with the
 * container's env and args, its log, and the pod's address to listen on.
 */
public final class InJvmContainer implements RunningContainer {

  private final ProgramRuntime runtime;
  private final CompletableFuture<Integer> exited;

  private InJvmContainer(ProgramRuntime runtime) {
    this.runtime = runtime;
    this.exited = runtime.exitCode().toCompletionStage().toCompletableFuture();
  }

  /** Starts {@code program}; returns at once. */
  public static InJvmContainer start(
      Program program,
      Map<String, String> env,
      List<String> args,
      LogSink log,
      Clock clock,
      String podIp) {
    return new InJvmContainer(
        ProgramRuntime.start(program, new Launch(Env.of(env), args, log, clock, podIp)));
  }

  @Override
  public CompletableFuture<Integer> exited() {
    return exited;
  }

  @Override
  public void stop(Duration grace) {
    runtime.stop(grace);
  }
}
