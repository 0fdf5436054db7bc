package dev.tributary.local.compat;

import dev.tributary.local.apiserver.ApiServer;
import dev.tributary.local.apiserver.ApiServerConfig;
import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.security.ClusterCertificates;
import dev.tributary.local.security.Kubeconfig;
import dev.tributary.local.security.Tokens;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreOptions;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Our API server as a {@link ContractTarget}: a store in a temporary directory, the server on a
 * loopback port, and tokens minted directly for ServiceAccounts. The watch history is short and
 * bookmarks are frequent so that the watch contracts can observe 410 Gone and BOOKMARKs quickly.
 * Closing stops the server and deletes the directory.
 */
final class LocalApiServer implements ContractTarget, AutoCloseable {

  /** Events of watch history; the 410 contract writes more than this. */
  static final int HISTORY = 100;

  private final Path root;
  private final Tokens tokens;
  private final Store store;
  private final Vertx vertx;
  private final ApiServer server;
  private final String kubeconfig;

  private LocalApiServer(
      Path root, Tokens tokens, Store store, Vertx vertx, ApiServer server, String kubeconfig) {
    this.root = root;
    this.tokens = tokens;
    this.store = store;
    this.vertx = vertx;
    this.server = server;
    this.kubeconfig = kubeconfig;
  }

  /** Starts a server in a new temporary directory. Blocks until it answers. */
  static LocalApiServer start() throws Exception {
    Path root = Files.createTempDirectory("tributary-compat");
    DataDir dataDir = DataDir.open(root.resolve("data"));
    ClusterCertificates certificates = ClusterCertificates.loadOrCreate(dataDir, Clock.systemUTC());
    Tokens tokens = Tokens.loadOrCreate(dataDir);
    Store store = Store.open(dataDir.root(), StoreOptions.defaults().withHistorySize(HISTORY));
    Vertx vertx = Vertx.vertx();
    try {
      ApiServer server =
          ApiServer.start(
                  vertx,
                  ApiServerConfig.loopback(0, certificates.apiServer(), tokens, store)
                      .withBookmarkInterval(Duration.ofMillis(200)))
              .await(30, TimeUnit.SECONDS);
      Path kubeconfig = Kubeconfig.write(dataDir, server.port(), certificates, tokens);
      return new LocalApiServer(root, tokens, store, vertx, server, Files.readString(kubeconfig));
    } catch (Exception e) {
      vertx.close().await(30, TimeUnit.SECONDS);
      store.close();
      throw e;
    }
  }

  @Override
  public Config adminConfig() {
    return Config.fromKubeconfig(kubeconfig);
  }

  @Override
  public Config serviceAccountConfig(ServiceAccount account) throws IOException {
    String token =
        tokens.issueServiceAccountToken(
            account.getMetadata().getNamespace(),
            account.getMetadata().getName(),
            account.getMetadata().getUid());
    Config config = adminConfig();
    config.setOauthToken(token);
    return config;
  }

  @Override
  public OptionalInt watchHistoryWindow() {
    return OptionalInt.of(HISTORY);
  }

  @Override
  public Duration bookmarkWithin() {
    return Duration.ofSeconds(1);
  }

  @Override
  public void close() throws Exception {
    try {
      server.close().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      store.close();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
