package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.http.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POSTs AdmissionReviews to webhooks over HTTPS with the JDK's HTTP client: one client per distinct
 * trust (caBundle and expected server name), kept while configurations use it.
 *
 * <p>{@link #post} blocks its (virtual, worker) thread for at most the webhook's timeout; it never
 * runs on an event loop. Thread-safe. {@link #close()} closes every client.
 */
final class WebhookClient implements AutoCloseable {

  /** Distinct trusts kept at most; past that the cache starts over (configurations churned). */
  private static final int MAX_CLIENTS = 64;

  private record Trust(String caBundle, String serverName) {}

  private final ServiceResolver services;
  private final Map<Trust, HttpClient> clients = new ConcurrentHashMap<>();

  WebhookClient(ServiceResolver services) {
    this.services = services;
  }

  /**
   * Sends {@code review} to {@code webhook} and returns the parsed answer body.
   *
   * @throws WebhookCallException when it cannot be reached, times out, answers other than 200 or
   *     with a body that is not JSON; the message is upstream's {@code failed to call webhook: ...}
   */
  JsonNode post(Webhook webhook, ObjectNode review) throws WebhookCallException {
    Webhook.ClientConfig config = webhook.client();
    URI uri;
    String serverName = null;
    String query = "timeout=" + webhook.timeoutSeconds() + "s";
    try {
      if (config.url() != null) {
        uri = withQuery(URI.create(config.url()), query);
      } else {
        Webhook.ServiceReference service = config.service();
        URI base = services.resolve(service.namespace(), service.name(), service.port());
        String path = service.path().isEmpty() ? "/" : service.path();
        uri = new URI(base.getScheme(), null, base.getHost(), base.getPort(), path, query, null);
        serverName = service.name() + "." + service.namespace() + ".svc";
      }
    } catch (ServiceResolver.UnresolvedServiceException e) {
      throw new WebhookCallException("failed to call webhook: " + e.getMessage(), e);
    } catch (IllegalArgumentException | URISyntaxException e) {
      throw new WebhookCallException("failed to call webhook: invalid URL: " + e.getMessage(), e);
    }
    HttpClient client;
    try {
      client = client(new Trust(config.caBundle(), serverName));
    } catch (GeneralSecurityException e) {
      throw new WebhookCallException(
          "failed to call webhook: could not use caBundle: " + e.getMessage(), e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(webhook.timeoutSeconds()))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, */*")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(review)))
            .build();
    String post = "Post \"" + uri + "\": ";
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new WebhookCallException(
          "failed to call webhook: " + post + "context deadline exceeded", e);
    } catch (ConnectException e) {
      throw new WebhookCallException(
          "failed to call webhook: "
              + post
              + "dial tcp "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + ": connect: connection refused",
          e);
    } catch (IOException e) {
      throw new WebhookCallException("failed to call webhook: " + post + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookCallException("failed to call webhook: " + post + "interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new WebhookCallException(
          "failed to call webhook: the server responded with the status code "
              + response.statusCode()
              + " but did not return more information");
    }
    try {
      return Json.parse(response.body());
    } catch (RuntimeException e) {
      throw new WebhookCallException(
          "failed to call webhook: the response is not JSON: " + e.getMessage(), e);
    }
  }

  private HttpClient client(Trust trust) throws GeneralSecurityException {
    HttpClient existing = clients.get(trust);
    if (existing != null) {
      return existing;
    }
    if (clients.size() >= MAX_CLIENTS) {
      clear();
    }
    HttpClient created =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(WebhookTls.context(trust.caBundle(), trust.serverName()))
            .connectTimeout(Duration.ofSeconds(Webhook.DEFAULT_TIMEOUT_SECONDS))
            .build();
    HttpClient raced = clients.putIfAbsent(trust, created);
    if (raced != null) {
      created.close();
      return raced;
    }
    return created;
  }

  private void clear() {
    for (Trust trust : clients.keySet()) {
      HttpClient removed = clients.remove(trust);
      if (removed != null) {
        removed.shutdown(); // running calls finish
      }
    }
  }

  private static URI withQuery(URI url, String query) {
    String existing = url.getRawQuery();
    String full = existing == null || existing.isEmpty() ? query : existing + "&" + query;
    String base = url.toString();
    int cut = base.indexOf('?');
    return URI.create((cut < 0 ? base : base.substring(0, cut)) + "?" + full);
  }

  private static String describe(IOException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    for (Trust trust : clients.keySet()) {
      HttpClient removed = clients.remove(trust);
      if (removed != null) {
        removed.shutdownNow();
      }
    }
  }
}
