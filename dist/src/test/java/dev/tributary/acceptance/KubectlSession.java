package dev.tributary.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tributary.local.apiserver.Kubectl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real kubectl as a user types it in the walkthrough's folder: every command the test runs is
 * printed as {@code $ kubectl ...} with its output, so the test's output file reads as the
 * walkthrough's terminal. File arguments are the repo's {@code examples/} copies, shown by their
 * bare names. Polling runs are not printed; the run that satisfied the wait is.
 */
final class KubectlSession {

  private final Kubectl kubectl;
  private final Path examples;
  private final List<PrintStream> transcripts;

  /** Prints the session to each of {@code transcripts} (e.g. the test's output and a file). */
  KubectlSession(Kubectl kubectl, Path examples, PrintStream... transcripts) {
    this.kubectl = kubectl;
    this.examples = examples;
    this.transcripts = List.of(transcripts);
  }

  /** {@code examples/NAME}, for {@code -f}. */
  String file(String name) {
    return examples.resolve(name).toString();
  }

  /** Runs and prints {@code kubectl args}; fails the test if kubectl fails. */
  String run(String... args) throws Exception {
    Kubectl.Result result = attempt(args);
    assertThat(result.exitCode()).as("kubectl %s\n%s", shown(args), result.output()).isZero();
    return result.output();
  }

  /** Runs and prints {@code kubectl args}, whatever its exit code. */
  Kubectl.Result attempt(String... args) throws Exception {
    Kubectl.Result result = kubectl.run(args);
    print("kubectl " + shown(args), result.output());
    return result;
  }

  /** Runs {@code kubectl args} without printing it; fails the test if kubectl fails. */
  String quiet(String... args) throws Exception {
    Kubectl.Result result = kubectl.run(args);
    assertThat(result.exitCode()).as("kubectl %s\n%s", shown(args), result.output()).isZero();
    return result.output();
  }

  /**
   * Runs {@code kubectl args} every two seconds until its output satisfies {@code ok}, then prints
   * that run and returns its output. A failed run (e.g. a server restarting) counts as not yet.
   *
   * @throws AssertionError naming {@code what} and the last output if {@code timeout} passes first
   */
  String awaitOutput(String what, Duration timeout, Predicate<String> ok, String... args) {
    return awaitPipeline(what, timeout, args, "", UnaryOperator.identity(), ok);
  }

  /**
   * As {@link #awaitOutput}, printed as {@code kubectl args PIPE}: {@code ok} sees kubectl's whole
   * output, the transcript shows what {@code pipe} (written there as {@code pipeShown}, e.g. {@code
   * " | grep message"}) lets through.
   */
  String awaitPipeline(
      String what,
      Duration timeout,
      String[] args,
      String pipeShown,
      UnaryOperator<String> pipe,
      Predicate<String> ok) {
    AtomicReference<Kubectl.Result> last = new AtomicReference<>();
    try {
      await(what)
          .atMost(timeout)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                Kubectl.Result result = kubectl.run(args);
                last.set(result);
                return result.exitCode() == 0 && ok.test(result.output());
              });
    } catch (ConditionTimeoutException e) {
      Kubectl.Result seen = last.get();
      throw new AssertionError(
          what
              + ": not seen within "
              + timeout
              + "; the last kubectl "
              + shown(args)
              + (seen == null
                  ? " never ran"
                  : " exited "
                      + seen.exitCode()
                      + " with (last lines):\n"
                      + tail(seen.output(), 150)),
          e);
    }
    String output = last.get().output();
    print("kubectl " + shown(args) + pipeShown, pipe.apply(output));
    return output;
  }

  /** Prints a step the way the transcript shows commands, e.g. a note or a shell command. */
  void print(String command, String output) {
    StringBuilder text = new StringBuilder("$ ").append(command).append('\n');
    if (!output.isEmpty()) {
      text.append(output.endsWith("\n") ? output : output + "\n");
    }
    write(text.toString());
  }

  /** A comment line in the transcript. */
  void note(String text) {
    write("# " + text + "\n");
  }

  private void write(String text) {
    for (PrintStream transcript : transcripts) {
      transcript.print(text);
      transcript.flush();
    }
  }

  /** {@code grep -E regex}: the lines matching {@code regex} anywhere. */
  static String grep(String output, String regex) {
    Pattern pattern = Pattern.compile(regex);
    return output.lines().filter(l -> pattern.matcher(l).find()).collect(Collectors.joining("\n"));
  }

  /** {@code grep -A1 regex}: the matching lines, each followed by the next one. */
  static String grepA1(String output, String regex) {
    Pattern pattern = Pattern.compile(regex);
    List<String> lines = output.lines().toList();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        kept.add(lines.get(i));
        if (i + 1 < lines.size()) {
          kept.add(lines.get(i + 1));
        }
      }
    }
    return String.join("\n", kept);
  }

  private String shown(String[] args) {
    String prefix = examples.toString() + "/";
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      String word = arg.startsWith(prefix) ? arg.substring(prefix.length()) : arg;
      words.add(word.contains(" ") || word.contains("|") ? "'" + word + "'" : word);
    }
    return String.join(" ", words);
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
