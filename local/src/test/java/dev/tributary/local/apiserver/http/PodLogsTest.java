package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.local.kubelet.logs.ContainerLogReader;
import dev.tributary.local.kubelet.logs.LogCursor;
import dev.tributary.local.kubelet.logs.LogLine;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Streaming a run that has ended (following is covered by PodLogsIT, against a pod's status). */
class PodLogsTest {

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final PodLogTarget TARGET = new PodLogTarget("default", "web", "u1", "app", 1, -1);

  private final List<LogLine> run1 =
      List.of(
          new LogLine(T0, "one"),
          new LogLine(T0.plusSeconds(10), "two"),
          new LogLine(T0.plusSeconds(20).plusNanos(500_000_000), "three"));

  @Test
  void servesEveryLine() throws Exception {
    assertThat(serve(Map.of())).isEqualTo("one\ntwo\nthree\n");
  }

  @Test
  void tailLinesKeepsTheLastOnes() throws Exception {
    assertThat(serve(Map.of("tailLines", "2"))).isEqualTo("two\nthree\n");
    assertThat(serve(Map.of("tailLines", "0"))).isEmpty();
    assertThat(serve(Map.of("tailLines", "10"))).isEqualTo("one\ntwo\nthree\n");
  }

  @Test
  void timestampsPrefixEachLine() throws Exception {
    assertThat(serve(Map.of("timestamps", "true")))
        .isEqualTo(
            "2024-05-01T10:00:00Z one\n2024-05-01T10:00:10Z two\n2024-05-01T10:00:20.5Z three\n");
  }

  @Test
  void sinceSkipsOlderLines() throws Exception {
    assertThat(serve(Map.of("sinceTime", "2024-05-01T10:00:10Z"))).isEqualTo("two\nthree\n");
    // now is T0 + 30 s
    assertThat(serve(Map.of("sinceSeconds", "15"))).isEqualTo("three\n");
  }

  @Test
  void limitBytesCutsMidLine() throws Exception {
    assertThat(serve(Map.of("limitBytes", "6"))).isEqualTo("one\ntw");
  }

  @Test
  void aRunWithoutOutputIsEmpty() throws Exception {
    PodLogs podLogs = new PodLogs(null, ContainerLogReader.NONE, Clock.fixed(T0, ZoneOffset.UTC));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    podLogs.stream(request(Map.of()), output(out));
    assertThat(out.size()).isZero();
  }

  @Test
  void aMissingRunFallsBackWhenTheStatusAllowsIt() throws Exception {
    PodLogTarget target = new PodLogTarget("default", "web", "u1", "app", 2, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    podLogs().stream(
        new PodLogs.Request(null, target, PodLogOptions.parse("web", Map.of())), output(out));
    assertThat(out.toString()).isEqualTo("one\ntwo\nthree\n");
  }

  private String serve(Map<String, String> query) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    podLogs().stream(request(query), output(out));
    return out.toString();
  }

  private PodLogs podLogs() {
    ContainerLogReader reader =
        (namespace, pod, podUid, container, restartCount) ->
            restartCount == 1 ? Optional.of(cursor(run1)) : Optional.empty();
    return new PodLogs(null, reader, Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));
  }

  private static PodLogs.Request request(Map<String, String> query) {
    return new PodLogs.Request(null, TARGET, PodLogOptions.parse("web", query));
  }

  private static PodLogOutput output(ByteArrayOutputStream out) {
    return new PodLogOutput() {
      @Override
      public void write(byte[] bytes) {
        out.writeBytes(bytes);
      }

      @Override
      public boolean gone() {
        return false;
      }
    };
  }

  private static LogCursor cursor(List<LogLine> lines) {
    Deque<LogLine> left = new ArrayDeque<>(lines);
    return new LogCursor() {
      @Override
      public Optional<LogLine> next() {
        return Optional.ofNullable(left.poll());
      }

      @Override
      public void awaitMore(Duration timeout) {}

      @Override
      public void close() {}
    };
  }
}
