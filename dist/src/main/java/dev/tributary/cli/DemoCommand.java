package dev.tributary.cli;

import dev.tributary.runtime.ProgramRuntime;
import io.vertx.core.Future;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tributary demo}: runs {@link Demo} in the foreground. The display's output goes to stdout;
 * heartbeats' log lines go to stderr, prefixed. Ctrl-C or SIGTERM stops both.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run event-display fed by heartbeats, one event a second (Ctrl-C stops).")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of event-display (0 = any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--period",
      defaultValue = "1",
      description = "Heartbeats' period: a Go duration or seconds. Default: ${DEFAULT-VALUE}.")
  String period;

  @Override
  public Integer call() {
    PrintStream stdout =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream stderr =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Demo demo;
    try {
      demo =
          await(Demo.start(port, period, stdout::println, l -> stderr.println("heartbeats: " + l)));
    } catch (ExecutionException e) {
      stderr.println("demo: " + e.getCause().getMessage());
      return ProgramRuntime.EXIT_FAILURE;
    }
    stderr.println(
        "demo: event-display on http://127.0.0.1:"
            + demo.port()
            + ", heartbeats every "
            + period
            + "; Ctrl-C stops");
    Thread hook = new Thread(() -> awaitQuietly(demo.stop()), "tributary-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int firstExit = awaitQuietly(demo.firstExit());
    int stopExit = awaitQuietly(demo.stop());
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is already stopping both programs.
    }
    return firstExit != 0 ? firstExit : stopExit;
  }

  private static <T> T await(Future<T> future) throws ExecutionException {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionException(e);
    }
  }

  private static int awaitQuietly(Future<Integer> future) {
    try {
      return await(future);
    } catch (ExecutionException e) {
      return ProgramRuntime.EXIT_FAILURE;
    }
  }
}
