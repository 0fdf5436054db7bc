package dev.tributary.local.apiserver.watch;

import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch over a WebSocket, as fabric8 starts every watch: one text frame per event, the same JSON
 * as the HTTP stream's lines.
 */
public final class WebSocketWatchSink implements WatchSink {

  private final ServerWebSocket socket;
  private final AtomicBoolean ended = new AtomicBoolean();

  public WebSocketWatchSink(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public void send(EncodedEvent event) {
    if (!ended.get() && !socket.isClosed()) {
      socket.writeTextMessage(event.text());
    }
  }

  @Override
  public boolean awaitWritable() {
    return Backpressure.awaitDrain(socket);
  }

  @Override
  public void end() {
    if (ended.compareAndSet(false, true) && !socket.isClosed()) {
      socket.close();
    }
  }

  @Override
  public void onClose(Runnable action) {
    AtomicBoolean ran = new AtomicBoolean();
    socket.closeHandler(
        v -> {
          if (ran.compareAndSet(false, true)) {
            action.run();
          }
        });
  }
}
