package dev.tributary.local.kubelet.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.runtime.LogSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContainerLogsTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);

  @Test
  void storesEachLineWithItsTimeInTheKubeletsLayout() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    LogSink sink = logs.open("default", "web", "uid-1", "app", 0);
    sink.line("first");
    clock.advance(Duration.ofMillis(1500));
    sink.line("two\nlines");

    assertThat(Files.readString(dir.resolve("default_web_uid-1/app/0.log")))
        .isEqualTo(
            """
            2024-05-01T10:00:00Z stdout F first
            2024-05-01T10:00:01.5Z stdout F two
            2024-05-01T10:00:01.5Z stdout F lines
            """);
    assertThat(lines(logs, "app", 0))
        .containsExactly(
            new LogLine(T0, "first"),
            new LogLine(T0.plusMillis(1500), "two"),
            new LogLine(T0.plusMillis(1500), "lines"));
  }

  @Test
  void keepsThePreviousRunAndRemovesOlderOnes() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    for (int run = 0; run < 3; run++) {
      logs.open("default", "web", "uid-1", "app", run).line("run " + run);
    }

    assertThat(logs.read("default", "web", "uid-1", "app", 0)).isEmpty();
    assertThat(lines(logs, "app", 1)).extracting(LogLine::text).containsExactly("run 1");
    assertThat(lines(logs, "app", 2)).extracting(LogLine::text).containsExactly("run 2");
  }

  @Test
  void aRunNeverWrittenHasNoLog() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    logs.open("default", "web", "uid-1", "app", 0);

    assertThat(logs.read("default", "web", "uid-1", "app", 0)).isEmpty();
    assertThat(logs.read("default", "web", "uid-1", "other", 0)).isEmpty();
  }

  @Test
  void removesAPodsLogsOnlyWhenAsked() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    logs.open("default", "web", "uid-1", "app", 0).line("old pod");
    logs.open("default", "web", "uid-2", "app", 0).line("new pod, same name");

    logs.removePod("uid-1");

    assertThat(logs.read("default", "web", "uid-1", "app", 0)).isEmpty();
    assertThat(Files.exists(dir.resolve("default_web_uid-1"))).isFalse();
    assertThat(logs.read("default", "web", "uid-2", "app", 0)).isPresent();
  }

  @Test
  void retainsOnlyThePodsStillThere() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    logs.open("default", "a", "uid-a", "app", 0).line("a");
    logs.open("other", "b", "uid-b", "app", 0).line("b");

    logs.retainPods(Set.of("uid-b"));

    assertThat(logs.read("default", "a", "uid-a", "app", 0)).isEmpty();
    assertThat(logs.read("other", "b", "uid-b", "app", 0)).isPresent();
  }

  @Test
  void survivesANewInstanceOnTheSameDirectory() throws Exception {
    new FileContainerLogs(dir, clock).open("default", "web", "uid-1", "app", 0).line("before");
    FileContainerLogs again = new FileContainerLogs(dir, clock);
    again.open("default", "web", "uid-1", "app", 0).line("after");

    assertThat(lines(again, "app", 0)).extracting(LogLine::text).containsExactly("before", "after");
  }

  @Test
  void aFollowingReaderIsWokenByNewLines() throws Exception {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    LogSink sink = logs.open("default", "web", "uid-1", "app", 0);
    sink.line("one");
    try (LogCursor cursor = logs.read("default", "web", "uid-1", "app", 0).orElseThrow()) {
      assertThat(cursor.next()).map(LogLine::text).contains("one");
      assertThat(cursor.next()).isEmpty();
      CompletableFuture<Optional<LogLine>> next =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  cursor.awaitMore(Duration.ofSeconds(30));
                  return cursor.next();
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      sink.line("two");
      assertThat(next.get(10, TimeUnit.SECONDS)).map(LogLine::text).contains("two");
    }
  }

  @Test
  void refusesNamesThatWouldLeaveTheDirectory() {
    FileContainerLogs logs = new FileContainerLogs(dir, clock);
    assertThatThrownBy(() -> logs.open("default", "..", "uid", "app", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> logs.open("default", "web", "uid", "a/b", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<LogLine> lines(FileContainerLogs logs, String container, int run)
      throws Exception {
    List<LogLine> lines = new ArrayList<>();
    try (LogCursor cursor = logs.read("default", "web", "uid-1", container, run).orElseThrow()) {
      for (Optional<LogLine> line = cursor.next(); line.isPresent(); line = cursor.next()) {
        lines.add(line.get());
      }
    }
    return lines;
  }
}
