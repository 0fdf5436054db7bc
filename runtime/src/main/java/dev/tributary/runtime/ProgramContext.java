package dev.tributary.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * What a running program is given. Everything here is owned by the {@link ProgramRuntime} and
 * closed by it after the program ends: programs never close the Vert.x instance or the registry.
 *
 * @param env the program's environment
 * @param args the program's arguments (a container's {@code args}), untouched
 * @param log the program's output: its container log, or stdout
 * @param vertx the program's Vert.x instance, for its servers, clients and timers
 * @param meterRegistry where the program records metrics (Prometheus)
 * @param clock the time source programs must use instead of the system clock
 * @param bindHost the address servers listen on: {@code 0.0.0.0} for a process, a pod's own address
 *     when run in-JVM
 * @param stopRequested completes (on the program's context) when the program is asked to stop, the
 *     way SIGTERM asks a container to stop; the program should then end promptly
 * @param resources where the program registers what it opens outside Vert.x (clients, informers),
 *     so that it is closed even when the program is killed
 */
public record ProgramContext(
    Env env,
    List<String> args,
    LogSink log,
    Vertx vertx,
    MeterRegistry meterRegistry,
    Clock clock,
    String bindHost,
    Future<Void> stopRequested,
    ProgramResources resources) {

  public ProgramContext {
    args = List.copyOf(args);
  }
}
