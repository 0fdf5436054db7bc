package dev.tributary.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProgramRuntimeTest {

  private final RecordingLogSink log = new RecordingLogSink();
  private final Launch launch = Launch.of(Env.of(Map.of("A", "1")), List.of("--x=1"), log);

  @Test
  void givesTheProgramItsLaunchAndReportsItsExitCode() {
    AtomicReference<ProgramContext> seen = new AtomicReference<>();
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    int code =
        exitCode(
            ProgramRuntime.start(
                ctx -> {
                  seen.set(ctx);
                  ctx.log().line("hello " + ctx.env().get("A") + " " + ctx.args());
                  return Future.succeededFuture(3);
                },
                launch.withClock(clock).withBindHost("127.0.0.7")));

    assertThat(code).isEqualTo(3);
    assertThat(log.lines()).containsExactly("hello 1 [--x=1]");
    assertThat(seen.get().clock()).isSameAs(clock);
    assertThat(seen.get().bindHost()).isEqualTo("127.0.0.7");
    assertThat(seen.get().meterRegistry()).isNotNull();
  }

  @Test
  void runsTheProgramOnItsEventLoop() {
    AtomicReference<Boolean> onEventLoop = new AtomicReference<>();

    exitCode(
        ProgramRuntime.start(
            ctx -> {
              onEventLoop.set(
                  Vertx.currentContext() != null && Vertx.currentContext().isEventLoopContext());
              return Future.succeededFuture(0);
            },
            launch));

    assertThat(onEventLoop.get()).isTrue();
  }

  @Test
  void aProgramThatCannotStartExitsOneWithOneLineAndNoStackTrace() {
    int code =
        exitCode(
            ProgramRuntime.start(
                ctx -> Future.succeededFuture(ctx.env().require("POD_NAME").length()), launch));

    assertThat(code).isEqualTo(ProgramRuntime.EXIT_FAILURE);
    assertThat(log.lines()).containsExactly("required key POD_NAME missing value");
  }

  @Test
  void aFailedFutureExitsOneWithItsMessageOnOneLine() {
    int code =
        exitCode(
            ProgramRuntime.start(
                ctx -> Future.failedFuture(new IllegalStateException("broken\npipe")), launch));

    assertThat(code).isEqualTo(1);
    assertThat(log.lines()).containsExactly("broken pipe");
  }

  @Test
  void stopIsRelayedToTheProgramWhichEndsWithItsOwnCode() {
    ProgramRuntime runtime =
        ProgramRuntime.start(
            ctx -> {
              ctx.vertx().setPeriodic(10, id -> {});
              return ctx.stopRequested().map(stopped -> 143);
            },
            launch);

    int code = await(runtime.stop());

    assertThat(code).isEqualTo(143);
    assertThat(await(runtime.exitCode())).isEqualTo(143);
  }

  @Test
  void aProgramIgnoringStopIsKilledAfterTheGracePeriod() {
    ProgramRuntime runtime = ProgramRuntime.start(ctx -> Future.future(never -> {}), launch);

    assertThat(await(runtime.stop(Duration.ofMillis(50)))).isEqualTo(ProgramRuntime.EXIT_KILLED);
    assertThat(await(runtime.stop())).isEqualTo(ProgramRuntime.EXIT_KILLED);
  }

  @Test
  void whatAKilledProgramOwnedIsClosedNewestFirstAndALateOwnIsClosedAtOnce() {
    List<String> closed = new CopyOnWriteArrayList<>();
    AtomicReference<ProgramResources> resources = new AtomicReference<>();
    ProgramRuntime runtime =
        ProgramRuntime.start(
            ctx -> {
              resources.set(ctx.resources());
              ctx.resources().own(() -> closed.add("client"));
              ctx.resources().own(() -> closed.add("informer"));
              return Future.future(never -> {}); // ignores stop, as a program in a long delay
            },
            launch);

    assertThat(await(runtime.stop(Duration.ofMillis(50)))).isEqualTo(ProgramRuntime.EXIT_KILLED);
    assertThat(closed).containsExactly("informer", "client");

    resources.get().own(() -> closed.add("late"));
    assertThat(closed).containsExactly("informer", "client", "late");
  }

  private static int exitCode(ProgramRuntime runtime) {
    return await(runtime.exitCode());
  }

  private static int await(Future<Integer> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
