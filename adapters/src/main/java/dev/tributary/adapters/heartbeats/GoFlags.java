package dev.tributary.adapters.heartbeats;

import dev.tributary.runtime.GoFlagSet;
import dev.tributary.runtime.LogSink;

/** What a Go program does when its flags were not parsed: print usage, and pick the exit code. */
final class GoFlags {

  private GoFlags() {}

  /** Prints what Go prints for {@code result} and returns the exit code Go exits with. */
  static int reportUsage(GoFlagSet.Result result, GoFlagSet flags, LogSink log) {
    return switch (result) {
      case GoFlagSet.HelpRequested help -> {
        log.line(flags.usage());
        yield 0;
      }
      case GoFlagSet.Invalid invalid -> {
        log.line(invalid.message() + "\n" + flags.usage());
        yield GoFlagSet.EXIT_USAGE;
      }
      case GoFlagSet.Parsed parsed -> throw new IllegalArgumentException("flags were parsed");
    };
  }
}
