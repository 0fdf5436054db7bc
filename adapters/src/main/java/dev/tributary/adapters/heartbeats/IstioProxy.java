package dev.tributary.adapters.heartbeats;

import dev.tributary.runtime.GoLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;

/**
 * Asks an Istio sidecar to exit, as upstream's one-shot heartbeats does so that a Job's pod can
 * complete. Without a sidecar nothing listens and the refusal is ignored silently.
 */
final class IstioProxy {

  static final String QUIT_URL = "http://localhost:15020/quitquitquit";

  /** Upstream waits without limit; a short timeout keeps a silent port from holding the exit. */
  private static final long TIMEOUT_MILLIS = 2_000;

  private IstioProxy() {}

  /** POSTs to {@link #QUIT_URL}; always succeeds once the request has ended, however it ended. */
  static Future<Void> quit(Vertx vertx, GoLog log) {
    HttpClient client =
        vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MILLIS));
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(QUIT_URL)
            .setIdleTimeout(TIMEOUT_MILLIS);
    return client
        .request(request)
        .compose(req -> req.send())
        .compose(response -> response.body())
        .<Void>mapEmpty()
        .recover(
            failure -> {
              if (!(failure instanceof ConnectException)) {
                log.print(
                    "[Ignore this warning if Istio proxy is not used on this pod] "
                        + failure.getMessage());
              }
              return Future.succeededFuture();
            })
        .eventually(client::close);
  }
}
