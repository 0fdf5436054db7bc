package dev.tributary.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How to launch a program: its environment, arguments and log, like a container's env, args and
 * log, plus the clock and listen address it gets.
 *
 * @param env the program's environment
 * @param args the program's arguments, passed untouched
 * @param log where the program's output goes
 * @param clock the program's time source
 * @param bindHost the address the program's servers listen on
 */
public record Launch(Env env, List<String> args, LogSink log, Clock clock, String bindHost) {

  /** Servers listen on every interface, as a container's process does. */
  public static final String ALL_INTERFACES = "0.0.0.0";

  public Launch {
    Objects.requireNonNull(env, "env");
    args = List.copyOf(args);
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(bindHost, "bindHost");
  }

  /** A launch with the system UTC clock, listening on every interface. */
  public static Launch of(Env env, List<String> args, LogSink log) {
    return new Launch(env, args, log, Clock.systemUTC(), ALL_INTERFACES);
  }

  /** This launch with another clock. */
  public Launch withClock(Clock newClock) {
    return new Launch(env, args, log, newClock, bindHost);
  }

  /** This launch listening on {@code host} instead. */
  public Launch withBindHost(String host) {
    return new Launch(env, args, log, clock, host);
  }
}
