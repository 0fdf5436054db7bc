package dev.tributary.local.apiserver.watch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch over plain HTTP: status 200, {@code Transfer-Encoding: chunked}, one compact JSON event
 * per line, each written (and so flushed) as it comes; never compressed. Clients (Python, fabric8)
 * split the stream on newlines.
 */
public final class HttpWatchSink implements WatchSink {

  private final HttpServerResponse response;
  private final AtomicBoolean ended = new AtomicBoolean();

  /** Starts the response: headers go out at once, so clients see the watch is established. */
  public HttpWatchSink(HttpServerResponse response) {
    this.response = response;
    response.setStatusCode(200);
    response.setChunked(true);
    response.putHeader("Content-Type", "application/json");
    response.putHeader("Cache-Control", "no-cache, private");
    response.writeHead();
  }

  @Override
  public void send(EncodedEvent event) {
    if (!ended.get() && !response.closed()) {
      response.write(Buffer.buffer(event.line()));
    }
  }

  @Override
  public boolean awaitWritable() {
    return Backpressure.awaitDrain(response);
  }

  @Override
  public void end() {
    if (ended.compareAndSet(false, true) && !response.closed() && !response.ended()) {
      response.end();
    }
  }

  @Override
  public void onClose(Runnable action) {
    AtomicBoolean ran = new AtomicBoolean();
    Runnable once =
        () -> {
          if (ran.compareAndSet(false, true)) {
            action.run();
          }
        };
    response.closeHandler(v -> once.run());
    response.endHandler(v -> once.run());
  }
}
