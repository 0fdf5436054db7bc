package dev.tributary.cli;

import dev.tributary.adapters.eventdisplay.EventDisplay;
import dev.tributary.adapters.heartbeats.Heartbeats;
import dev.tributary.runtime.Env;
import dev.tributary.runtime.Launch;
import dev.tributary.runtime.LogSink;
import dev.tributary.runtime.ProgramRuntime;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo: event-display fed by heartbeats, both in this JVM, wired the way the walkthrough's
 * ContainerSource wires them (heartbeats' {@code K_SINK} points at the display, POD_NAME {@code
 * mypod}, POD_NAMESPACE {@code event-test}).
 *
 * <p>Thread-safe; {@link #stop()} may be called from any thread, including a shutdown hook.
 */
final class Demo {
  private final ProgramRuntime display;
  private final ProgramRuntime heartbeats;
  private final int port;

  private Demo(ProgramRuntime display, ProgramRuntime heartbeats, int port) {
    this.display = display;
    this.heartbeats = heartbeats;
    this.port = port;
  }

  /**
   * Starts event-display on {@code 127.0.0.1:port} (0 = any free port), then heartbeats sending to
   * it every {@code period}. Fails (with the display's exit code) if the display cannot listen.
   */
  static Future<Demo> start(int port, String period, LogSink displayLog, LogSink heartbeatsLog) {
    EventDisplay eventDisplay = new EventDisplay();
    Env displayEnv = Env.of(Map.of("PORT", Integer.toString(port)));
    ProgramRuntime display =
        ProgramRuntime.start(
            eventDisplay, Launch.of(displayEnv, List.of(), displayLog).withBindHost("127.0.0.1"));
    return eventDisplay
        .listeningPort()
        .recover(
            notListening ->
                display
                    .exitCode()
                    .compose(
                        code ->
                            Future.failedFuture(
                                "event-display did not start (exit code " + code + ")")))
        .map(
            bound -> {
              Env env =
                  Env.of(
                      Map.of(
                          "K_SINK", "http://127.0.0.1:" + bound,
                          "POD_NAME", "mypod",
                          "POD_NAMESPACE", "event-test"));
              Launch launch =
                  Launch.of(env, List.of("--period=" + period), heartbeatsLog)
                      .withClock(Clock.systemDefaultZone()); // Go's log prints local time
              return new Demo(display, ProgramRuntime.start(new Heartbeats(), launch), bound);
            });
  }

  /** The port event-display listens on. */
  int port() {
    return port;
  }

  /** Completes when either program ends by itself, with that program's exit code. */
  Future<Integer> firstExit() {
    return Future.any(heartbeats.exitCode(), display.exitCode())
        .map(
            ignored ->
                heartbeats.exitCode().isComplete()
                    ? heartbeats.exitCode().result()
                    : display.exitCode().result());
  }

  /** Stops heartbeats, then the display; completes with the first non-zero exit code, else 0. */
  Future<Integer> stop() {
    return heartbeats
        .stop()
        .compose(
            heartbeatsCode ->
                display
                    .stop()
                    .map(displayCode -> heartbeatsCode != 0 ? heartbeatsCode : displayCode));
  }
}
