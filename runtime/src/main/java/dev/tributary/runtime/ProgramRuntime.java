package dev.tributary.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one {@link Program}: creates its Vert.x instance and Prometheus registry, runs it, relays a
 * stop request, closes everything once it ends, and reports its exit code. The same runtime serves
 * the command line ({@link #runInForeground}) and an in-JVM pod ({@link #start}, {@link #stop}).
 *
 * <p>Ownership: the runtime owns the Vert.x instance and the registry and closes them after the
 * program's future completes (or after a stop's grace period runs out). The {@link Launch}'s log
 * sink belongs to the caller. Thread-safe: {@link #stop} may be called from any thread, any number
 * of times.
 */
public final class ProgramRuntime {

  /** The exit code of a program that failed, including one that could not start. */
  public static final int EXIT_FAILURE = 1;

  /** The exit code of a program that did not end within its stop grace period (SIGKILL). */
  public static final int EXIT_KILLED = 137;

  /** The exit code of a process ended by SIGTERM without handling it. */
  public static final int EXIT_TERMINATED = 143;

  /** Grace period of {@link #stop()}: Kubernetes' default {@code terminationGracePeriodSeconds}. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  private final Launch launch;
  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final Context context;
  private final Promise<Void> stopRequested = Promise.promise();
  private final Promise<Integer> exit = Promise.promise();
  private final AtomicBoolean ending = new AtomicBoolean();
  private final ProgramResources resources = new ProgramResources();

  private ProgramRuntime(Launch launch) {
    this.launch = launch;
    this.vertx = newVertx();
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.context = vertx.getOrCreateContext();
  }

  /**
   * The program's own Vert.x, with one event loop: a program's callbacks all run on one thread,
   * which keeps programs simple. Created off any Vert.x thread the caller is on (the local kubelet
   * starts pods from its own): the instance is independent either way, but Vert.x warns on the
   * console when one is created on another's thread.
   */
  private static Vertx newVertx() {
    VertxOptions options = new VertxOptions().setEventLoopPoolSize(1);
    if (Vertx.currentContext() == null) {
      return Vertx.vertx(options);
    }
    FutureTask<Vertx> create = new FutureTask<>(() -> Vertx.vertx(options));
    Thread.ofPlatform().name("tributary-program-vertx").start(create);
    try {
      return create.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the program's Vert.x", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create the program's Vert.x", e.getCause());
    }
  }

  /** Starts {@code program} and returns at once; {@link #exitCode()} tells when it ends. */
  public static ProgramRuntime start(Program program, Launch launch) {
    ProgramRuntime runtime = new ProgramRuntime(launch);
    runtime.context.runOnContext(ignored -> runtime.run(program));
    return runtime;
  }

  /**
   * Runs {@code program} as this process's main program: blocks until it ends and returns its exit
   * code. A JVM shutdown hook (SIGTERM, Ctrl-C) stops it with {@link #DEFAULT_GRACE} while it runs.
   */
  public static int runInForeground(Program program, Launch launch) {
    ProgramRuntime runtime = start(program, launch);
    Thread hook = new Thread(runtime::stopAndWait, "tributary-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = await(runtime.exitCode());
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is already running; it ends once the program has, which it has.
    }
    return code;
  }

  /** Completes with the exit code once the program has ended and everything is closed. */
  public Future<Integer> exitCode() {
    return exit.future();
  }

  /** {@link #stop(Duration)} with {@link #DEFAULT_GRACE}. */
  public Future<Integer> stop() {
    return stop(DEFAULT_GRACE);
  }

  /**
   * Asks the program to stop, as SIGTERM asks a container. If it has not ended after {@code grace},
   * it is closed down regardless and exits with {@link #EXIT_KILLED}.
   *
   * @return the exit code future, as {@link #exitCode()}
   */
  public Future<Integer> stop(Duration grace) {
    if (ending.get()) {
      return exit.future(); // already ended or ending: its Vert.x may be closed
    }
    try {
      context.runOnContext(ignored -> stopRequested.tryComplete());
    } catch (RejectedExecutionException closedMeanwhile) {
      return exit.future();
    }
    CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> end(EXIT_KILLED));
    return exit.future();
  }

  private void run(Program program) {
    ProgramContext ctx =
        new ProgramContext(
            launch.env(),
            launch.args(),
            launch.log(),
            vertx,
            registry,
            launch.clock(),
            launch.bindHost(),
            stopRequested.future(),
            resources);
    Future<Integer> result;
    try {
      result = program.run(ctx);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(this::programEnded);
  }

  private void programEnded(AsyncResult<Integer> result) {
    if (result.succeeded() && result.result() != null) {
      end(result.result());
      return;
    }
    Throwable failure =
        result.succeeded()
            ? new IllegalStateException("program ended without an exit code")
            : result.cause();
    launch.log().line(oneLine(failure));
    end(EXIT_FAILURE);
  }

  private void end(int code) {
    if (!ending.compareAndSet(false, true)) {
      return;
    }
    resources.closeAll(launch.log());
    registry.close();
    vertx.close().onComplete(closed -> exit.tryComplete(code));
  }

  private void stopAndWait() {
    try {
      stop()
          .toCompletionStage()
          .toCompletableFuture()
          .get(DEFAULT_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The JVM is exiting anyway; nothing is left to report the failure to but the log.
      launch.log().line("shutdown did not complete: " + oneLine(e));
    }
  }

  private static int await(Future<Integer> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    return message.replace('\n', ' ');
  }
}
