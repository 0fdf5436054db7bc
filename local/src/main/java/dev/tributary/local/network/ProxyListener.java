package dev.tributary.local.network;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one Service address ({@code clusterIP:port}) and pipes each accepted connection to the
 * next endpoint of its route, round-robin. A connection that finds no endpoint, or whose endpoint
 * refuses it, is closed.
 *
 * <p>{@link #update} may be called from any thread; {@link #listen} and {@link #close} once each,
 * by the {@link ServiceProxy}.
 */
final class ProxyListener {

  private static final Logger log = LoggerFactory.getLogger(ProxyListener.class);

  private final ServiceAddress address;
  private final NetClient client;
  private final NetServer server;
  private final AtomicInteger next = new AtomicInteger();
  private volatile ServiceRoute route;

  ProxyListener(Vertx vertx, NetClient client, ServiceAddress address, ServiceRoute route) {
    this.address = address;
    this.client = client;
    this.route = route;
    this.server =
        vertx
            .createNetServer(new NetServerOptions().setHost(address.ip()).setPort(address.port()))
            .connectHandler(this::accept);
  }

  ServiceRoute route() {
    return route;
  }

  void update(ServiceRoute value) {
    route = value;
  }

  Future<Void> listen() {
    return server.listen().mapEmpty();
  }

  Future<Void> close() {
    return server.close();
  }

  private void accept(NetSocket inbound) {
    ServiceRoute current = route;
    List<ServiceAddress> endpoints = current.endpoints();
    if (endpoints.isEmpty()) {
      inbound.close();
      return;
    }
    ServiceAddress target = endpoints.get(Math.floorMod(next.getAndIncrement(), endpoints.size()));
    inbound.pause();
    client
        .connect(target.port(), target.ip())
        .onComplete(
            connected -> {
              if (connected.failed()) {
                log.warn(
                    "service proxy cannot reach endpoint service={} address={} endpoint={}: {}",
                    current.service(),
                    address,
                    target,
                    connected.cause().toString());
                inbound.close();
                return;
              }
              NetSocket outbound = connected.result();
              inbound.pipeTo(outbound);
              outbound.pipeTo(inbound);
            });
  }
}
