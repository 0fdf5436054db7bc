package dev.tributary.runtime;

import io.vertx.core.Future;

/**
 * A program (an adapter, a sample, a component) that {@link ProgramRuntime} can run as a process
 * from the command line or in-JVM as a pod.
 */
@FunctionalInterface
public interface Program {

  /**
   * Runs the program. Called once, on the program's own Vert.x event-loop context; every callback
   * the program registers on {@code ctx.vertx()} from there runs on that same thread unless it says
   * otherwise. Must not block.
   *
   * @return a future completing with the exit code when the program ends, by itself or because
   *     {@link ProgramContext#stopRequested()} completed. Throwing, or failing the future, ends the
   *     program with exit code 1 and the failure's message as one log line.
   */
  Future<Integer> run(ProgramContext ctx);
}
