package dev.tributary.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs {@code tributary ARGS} in this JVM. Its output is buffered and not flushed afterwards, as
   * picocli's default writers on System.out are when main's System.exit ends the process: what a
   * command does not flush itself is lost here too.
   */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var commandLine = TributaryCommand.commandLine();
    commandLine.setOut(new PrintWriter(new BufferedWriter(out), true));
    commandLine.setErr(new PrintWriter(new BufferedWriter(err), true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
