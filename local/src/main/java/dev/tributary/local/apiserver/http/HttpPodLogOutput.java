package dev.tributary.local.apiserver.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code pods/log} answer on an HTTP response: 200 {@code text/plain}, chunked, each write waited
 * for so that a reader that does not read holds the stream back instead of filling memory. Written
 * from one worker thread.
 */
final class HttpPodLogOutput implements PodLogOutput {

  /** How long a write may wait for a reader that does not read before the stream is given up. */
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private final HttpServerResponse response;
  private volatile boolean gone;

  private HttpPodLogOutput(HttpServerResponse response) {
    this.response = response;
  }

  /** Sends the 200 status line and headers, so a follower sees the stream start at once. */
  static HttpPodLogOutput start(HttpServerResponse response) throws IOException {
    HttpPodLogOutput output = new HttpPodLogOutput(response);
    response.closeHandler(closed -> output.gone = true);
    response.setStatusCode(200);
    response.putHeader("Content-Type", "text/plain");
    response.putHeader("Cache-Control", "no-cache, private");
    response.setChunked(true);
    output.await(response.writeHead());
    return output;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    if (gone) {
      throw new IOException("the client has gone");
    }
    await(response.write(Buffer.buffer(bytes)));
  }

  @Override
  public boolean gone() {
    return gone || response.closed();
  }

  /** Ends the answer, unless the client has already gone. */
  void end() {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  private void await(io.vertx.core.Future<Void> write) throws IOException {
    try {
      write.toCompletionStage().toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      gone = true;
      throw new IOException("the log stream could not be written", e.getCause());
    } catch (TimeoutException e) {
      gone = true;
      throw new IOException(
          "the log stream's reader did not read for " + WRITE_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the log stream", e);
    }
  }
}
