package dev.tributary.local.apiserver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.rest.ObjectService;
import dev.tributary.local.kubelet.logs.ContainerLogReader;
import dev.tributary.local.kubelet.logs.LogCursor;
import dev.tributary.local.kubelet.logs.LogLine;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pods/log}, as kube-apiserver and the kubelet serve it together: the options are validated
 * and the container's run chosen first ({@link #prepare}, whose failures are ordinary Status
 * answers), then the run's stored lines are streamed ({@link #stream}), with {@code tailLines},
 * {@code sinceSeconds}/{@code sinceTime}, {@code timestamps} and {@code limitBytes} applied. With
 * {@code follow} the stream goes on until the run stops running (the pod's status says so, or the
 * pod is gone) or the client goes.
 *
 * <p>Thread-safe; {@link #stream} blocks its (virtual) thread for as long as it streams.
 */
public final class PodLogs {

  /** How long a follower waits for lines before it looks at the pod's status again. */
  private static final Duration STATUS_CHECK = Duration.ofMillis(250);

  private final ObjectService objects;
  private final ContainerLogReader logs;
  private final Clock clock;

  public PodLogs(ObjectService objects, ContainerLogReader logs, Clock clock) {
    this.objects = objects;
    this.logs = logs;
    this.clock = clock;
  }

  /**
   * A request checked and resolved to one run.
   *
   * @param route the pod's route (to look at the pod again while following)
   */
  record Request(ResourceRoute route, PodLogTarget target, PodLogOptions options) {}

  /**
   * Validates {@code query} and picks the run it asks for.
   *
   * @throws ApiException 404 for a missing pod, 422 for invalid options, 400 for an unknown
   *     container or one without the asked-for run
   */
  Request prepare(ResourceRoute route, Map<String, String> query) {
    JsonNode pod = objects.get(route.type(), route.namespace(), route.name());
    PodLogOptions options = PodLogOptions.parse(route.name(), query);
    return new Request(route, PodLogTarget.of(pod, options), options);
  }

  /** Streams the prepared run to {@code out}, following it if asked. */
  void stream(Request request, PodLogOutput out) throws IOException, InterruptedException {
    PodLogOptions options = request.options();
    PodLogWriter writer =
        new PodLogWriter(
            out, options.timestamps(), options.since(clock.instant()), options.limitBytes());
    Deque<LogLine> tail = options.tailLines() == null ? null : new ArrayDeque<>();
    LogCursor cursor = null;
    try {
      streaming:
      while (true) {
        if (cursor == null) {
          cursor = open(request.target()).orElse(null);
        }
        if (cursor != null && !copy(cursor, writer, tail, options)) {
          break; // the byte limit is reached
        }
        if (tail != null) {
          // The first time the end is reached, the last lines so far go out; then all new ones.
          Deque<LogLine> last = tail;
          tail = null;
          for (LogLine line : last) {
            if (!writer.write(line)) {
              break streaming;
            }
          }
        }
        writer.flush();
        if (!options.follow() || out.gone()) {
          break;
        }
        if (!stillRunning(request)) {
          // Lines written just before the run ended still go out.
          if (cursor == null) {
            cursor = open(request.target()).orElse(null);
          }
          if (cursor != null) {
            copy(cursor, writer, null, options);
          }
          writer.flush();
          break;
        }
        if (cursor == null) {
          Thread.sleep(STATUS_CHECK); // nothing written yet: no file to wait on
        } else {
          cursor.awaitMore(STATUS_CHECK);
        }
      }
    } finally {
      if (cursor != null) {
        cursor.close();
      }
    }
  }

  /**
   * Copies the lines written so far into {@code tail} (keeping the last {@code tailLines}) or the
   * writer.
   *
   * @return false once the byte limit is reached
   */
  private static boolean copy(
      LogCursor cursor, PodLogWriter writer, Deque<LogLine> tail, PodLogOptions options)
      throws IOException {
    for (Optional<LogLine> line = cursor.next(); line.isPresent(); line = cursor.next()) {
      if (tail != null) {
        tail.addLast(line.get());
        if (tail.size() > options.tailLines()) {
          tail.removeFirst();
        }
      } else if (!writer.write(line.get())) {
        return false;
      }
    }
    return true;
  }

  private Optional<LogCursor> open(PodLogTarget target) throws IOException {
    Optional<LogCursor> cursor =
        logs.read(
            target.namespace(),
            target.pod(),
            target.podUid(),
            target.container(),
            target.restartCount());
    if (cursor.isEmpty() && target.fallbackRestartCount() >= 0) {
      cursor =
          logs.read(
              target.namespace(),
              target.pod(),
              target.podUid(),
              target.container(),
              target.fallbackRestartCount());
    }
    return cursor;
  }

  private boolean stillRunning(Request request) {
    ResourceRoute route = request.route();
    try {
      return request.target().runningIn(objects.get(route.type(), route.namespace(), route.name()));
    } catch (ApiException e) {
      return false; // the pod is gone
    }
  }
}
