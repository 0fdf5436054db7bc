package dev.tributary.runtime;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes lines the way Go's standard {@code log} package does ({@code 2006/01/02 15:04:05
 * message}), for programs whose upstream logs with it. Time comes from the injected clock, in the
 * clock's zone. Thread-safe when the sink is.
 */
public final class GoLog {

  private static final DateTimeFormatter PREFIX =
      DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

  private final LogSink sink;
  private final Clock clock;

  public GoLog(LogSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** Logs {@code message} with Go's date and time prefix. */
  public void print(String message) {
    sink.line(PREFIX.format(ZonedDateTime.now(clock)) + " " + message);
  }
}
