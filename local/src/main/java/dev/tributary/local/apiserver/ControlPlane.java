package dev.tributary.local.apiserver;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.DataDirLock;
import dev.tributary.local.security.ClusterCertificates;
import dev.tributary.local.security.Kubeconfig;
import dev.tributary.local.security.Tokens;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local control plane {@code tributary up} runs: the data directory (locked for the process's
 * life), the cluster's certificates and tokens, the store and the API server on loopback, and the
 * kubeconfig pointing at it. Later issues add the workload controllers and the kubelet here.
 *
 * <p>{@link #start} blocks until the API server answers (or fails, leaving nothing running); {@link
 * #close()} stops everything in reverse order and releases the lock. Thread-safe close.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

  private final DataDir dataDir;
  private final ApiServer server;
  private final Path kubeconfig;
  private final Tokens tokens;
  private final Deque<AutoCloseable> resources;
  private boolean closed; // guarded by this

  private ControlPlane(
      DataDir dataDir,
      ApiServer server,
      Path kubeconfig,
      Tokens tokens,
      Deque<AutoCloseable> resources) {
    this.dataDir = dataDir;
    this.tokens = tokens;
    this.server = server;
    this.kubeconfig = kubeconfig;
    this.resources = resources;
  }

  /**
   * Starts a control plane on {@code dataDirectory}, its API server on loopback {@code port} (0 for
   * any free port). Blocks.
   *
   * @param progress told of each step, in words for the user
   * @throws dev.tributary.local.datadir.DataDirLockedException if another control plane uses the
   *     directory (its message names it)
   * @throws IOException if the data directory, certificates, tokens or kubeconfig fail
   * @throws Exception if the store or the server fail to start
   */
  public static ControlPlane start(
      Path dataDirectory, int port, Clock clock, Consumer<String> progress) throws Exception {
    return start(dataDirectory, port, clock, progress, UnaryOperator.identity());
  }

  /**
   * As {@link #start(Path, int, Clock, Consumer)}, with the server's configuration changed by
   * {@code customize} (the local cluster plugs in how webhooks reach Services and where pod logs
   * are read).
   */
  public static ControlPlane start(
      Path dataDirectory,
      int port,
      Clock clock,
      Consumer<String> progress,
      UnaryOperator<ApiServerConfig> customize)
      throws Exception {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      DataDir dataDir = DataDir.open(dataDirectory);
      DataDirLock lock = dataDir.lock();
      opened.push(lock);
      progress.accept("data directory " + dataDir.root());
      // The steps below are mostly class loading and native-library set-up: run them side by side,
      // on threads of their own (the common pool may have a single thread on a small machine).
      CompletableFuture<Store> storeOpening =
          CompletableFuture.supplyAsync(
              () -> Store.open(dataDir.root(), StoreOptions.defaults()), ControlPlane::startThread);
      CompletableFuture<Vertx> vertxStarting =
          CompletableFuture.supplyAsync(Vertx::vertx, ControlPlane::startThread);
      ClusterCertificates certificates;
      Tokens tokens;
      try {
        certificates = ClusterCertificates.loadOrCreate(dataDir, clock);
        tokens = Tokens.loadOrCreate(dataDir);
      } finally {
        // Whatever happened, keep what the other threads opened so that it gets closed.
        storeOpening.thenAccept(opened::push).exceptionally(e -> null).join();
        vertxStarting
            .thenAccept(v -> opened.push(() -> v.close().await(30, TimeUnit.SECONDS)))
            .exceptionally(e -> null)
            .join();
      }
      progress.accept("certificates and tokens ready");
      Store store = value(storeOpening);
      progress.accept("store open at revision " + store.currentRevision());
      Vertx vertx = value(vertxStarting);
      ApiServer server =
          ApiServer.start(
                  vertx,
                  customize.apply(
                      ApiServerConfig.loopback(port, certificates.apiServer(), tokens, store)
                          .withClock(clock)))
              .await(60, TimeUnit.SECONDS);
      opened.push(() -> server.close().await(30, TimeUnit.SECONDS));
      Path kubeconfig = Kubeconfig.write(dataDir, server.port(), certificates, tokens);
      return new ControlPlane(dataDir, server, kubeconfig, tokens, opened);
    } catch (Exception e) {
      closeAll(opened, e);
      throw e;
    }
  }

  /** The API server's port. */
  public int port() {
    return server.port();
  }

  /** The API server's URL. */
  public String url() {
    return Kubeconfig.serverUrl(server.port());
  }

  /** The kubeconfig written for this control plane. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The API server's tokens (the kubelet mints pods' ServiceAccount tokens from them). */
  public Tokens tokens() {
    return tokens;
  }

  /** The data directory. */
  public DataDir dataDir() {
    return dataDir;
  }

  /** Stops the server, closes the store and releases the data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Exception failure = new Exception("closing the control plane");
    closeAll(resources, failure);
    if (failure.getSuppressed().length > 0) {
      log.error("control plane did not close cleanly dir={}", dataDir.root(), failure);
    }
  }

  private static void startThread(Runnable task) {
    Thread.ofPlatform().name("tributary-start").daemon(true).start(task);
  }

  /** The future's value, or its failure as thrown by the task itself. */
  private static <T> T value(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void closeAll(Deque<AutoCloseable> resources, Exception primary) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        primary.addSuppressed(e);
      }
    }
  }
}
