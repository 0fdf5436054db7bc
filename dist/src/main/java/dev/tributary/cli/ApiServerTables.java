package dev.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads lists from an API server as Tables, through fabric8 with a kubeconfig, with short timeouts
 * and no retries: a command that reports on a cluster should say at once that it does not answer.
 * Blocking; one thread at a time; close it to free the client.
 */
final class ApiServerTables implements AutoCloseable {

  /** What kubectl asks for: a Table, else the plain list (which {@link ServerTable} refuses). */
  private static final String ACCEPT_TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Duration timeout;

  private ApiServerTables(KubernetesClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * A client of the API server {@code kubeconfig} names, as its user.
   *
   * @param timeout how long to wait to connect, and for each answer
   * @throws IOException if the kubeconfig cannot be read
   */
  static ApiServerTables connect(Path kubeconfig, Duration timeout) throws IOException {
    Config config =
        new ConfigBuilder(
                Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8)))
            .withConnectionTimeout((int) timeout.toMillis())
            .withRequestTimeout((int) timeout.toMillis())
            .withRequestRetryBackoffLimit(0)
            .build();
    return new ApiServerTables(new KubernetesClientBuilder().withConfig(config).build(), timeout);
  }

  /** The API server's URL, as the kubeconfig gives it (no trailing slash). */
  String url() {
    String url = client.getMasterUrl().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * GETs {@code path} (such as {@code /api/v1/pods}) as a Table.
   *
   * @throws UnansweredException if the server does not answer, or answers with an error
   */
  ServerTable list(String path) throws UnansweredException, InterruptedException {
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url() + path)
            .header("Accept", ACCEPT_TABLE)
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    HttpResponse<String> response;
    try {
      response =
          client
              .getHttpClient()
              .sendAsync(request, String.class)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new UnansweredException(
          "does not answer within " + GoDurationConverter.format(timeout), e);
    } catch (ExecutionException e) {
      throw new UnansweredException("does not answer (" + reason(e.getCause()) + ")", e.getCause());
    }
    if (response.code() != 200) {
      throw new UnansweredException(
          "answered HTTP " + response.code() + " to GET " + path + ": " + brief(response.body()),
          null);
    }
    try {
      return ServerTable.parse(JSON.readTree(response.body()));
    } catch (IOException | IllegalArgumentException e) {
      throw new UnansweredException(
          "answered GET " + path + " with no Table: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static String reason(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException && cause.getMessage() != null) {
        return cause.getMessage(); // "Connection refused: ...", "connection timed out ..."
      }
    }
    return failure.getMessage() != null ? failure.getMessage() : failure.toString();
  }

  private static String brief(String body) {
    if (body == null) {
      return "";
    }
    try {
      String message = JSON.readTree(body).path("message").asText("");
      if (!message.isEmpty()) {
        return message;
      }
    } catch (IOException e) {
      // not a Status: show the start of what it is instead
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }

  /**
   * The API server gave no usable answer; the message says what happened, to follow "the API server
   * at URL".
   */
  static final class UnansweredException extends Exception {

    @java.io.Serial private static final long serialVersionUID = 1L;

    UnansweredException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
