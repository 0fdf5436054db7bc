package dev.tributary.runtime;

import java.io.PrintStream;

/**
 * Where a program's output goes: the container log of a pod, or stdout when run from the command
 * line. Programs never write to {@code System.out} themselves.
 *
 * <p>Implementations must be thread-safe and write each call's text as one unit, so that lines from
 * different threads never interleave.
 */
@FunctionalInterface
public interface LogSink {

  /**
   * Writes {@code text} followed by a line break. {@code text} may itself contain line breaks: a
   * multi-line block (such as one displayed event) is written whole.
   */
  void line(String text);

  /** A sink that prints to {@code out} and flushes after each call. */
  static LogSink of(PrintStream out) {
    return text -> {
      // One print call: PrintStream serialises its calls, so a block is never split.
      out.print(text + "\n");
      out.flush();
    };
  }
}
