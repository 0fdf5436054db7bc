package dev.tributary.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.runtime.KvLog;
import dev.tributary.runtime.RecordingLogSink;
import dev.tributary.webhook.certs.CertificateAuthority;
import dev.tributary.webhook.certs.ServingCertificate;
import dev.tributary.webhook.conversion.SourceConversion;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebhookServerTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final ServingCertificate CERT =
      CertificateAuthority.create("eventing-webhook", "knative-eventing", Clock.systemUTC());
  private static final RecordingLogSink LOG = new RecordingLogSink();
  private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
  private static Vertx vertx;
  private static WebhookServer server;

  /** Denies objects named "bad", throws for "boom", allows anything else. */
  private static final AdmissionHandler JUDGE =
      new AdmissionHandler() {
        @Override
        public String path() {
          return "/judge";
        }

        @Override
        public AdmissionResponse admit(AdmissionRequest request) {
          if ("boom".equals(request.getName())) {
            throw new IllegalStateException("the judge fell over\nat line 2");
          }
          if ("bad".equals(request.getName())) {
            return AdmissionStatuses.badRequest("no");
          }
          return new AdmissionResponseBuilder().withAllowed(true).build();
        }
      };

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server =
        WebhookServer.start(
                vertx,
                new WebhookServer.Options(
                    "127.0.0.1",
                    0,
                    CERT,
                    List.of(JUDGE),
                    List.of(new SourceConversion(new SourceJson())),
                    4096,
                    new KvLog(LOG),
                    new WebhookMetrics(METRICS)))
            .await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close().await(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void answersAnAdmissionReviewWithTheRequestsUid() throws Exception {
    Reply reply = post("/judge", "application/json", review("uid-7", "good"), CERT.caCertPem());
    assertThat(reply.code()).isEqualTo(200);
    Map<?, ?> response = (Map<?, ?>) JSON.unmarshal(reply.body(), Map.class).get("response");
    assertThat(response.get("uid")).isEqualTo("uid-7");
    assertThat(response.get("allowed")).isEqualTo(true);
    assertThat(JSON.unmarshal(reply.body(), Map.class))
        .containsEntry("apiVersion", "admission.k8s.io/v1")
        .containsEntry("kind", "AdmissionReview");
  }

  @Test
  void aDenialAndAFailingHandlerAreBothAnswersNotErrors() throws Exception {
    Map<?, ?> denied =
        (Map<?, ?>)
            JSON.unmarshal(
                    post("/judge", "application/json", review("u", "bad"), CERT.caCertPem()).body(),
                    Map.class)
                .get("response");
    assertThat(denied.get("allowed")).isEqualTo(false);
    assertThat(((Map<?, ?>) denied.get("status")).get("message")).isEqualTo("no");

    Reply boom = post("/judge", "application/json", review("u", "boom"), CERT.caCertPem());
    assertThat(boom.code()).isEqualTo(200);
    Map<?, ?> failed = (Map<?, ?>) JSON.unmarshal(boom.body(), Map.class).get("response");
    assertThat(failed.get("allowed")).isEqualTo(false);
    assertThat(((Map<?, ?>) failed.get("status")).get("message")).isEqualTo("the judge fell over");
    assertThat(boom.body()).doesNotContain("at line 2").doesNotContain("Exception");
    assertThat(
            METRICS
                .get(WebhookMetrics.REQUESTS)
                .tags(
                    "path",
                    "/judge",
                    "kind",
                    "PingSource",
                    "operation",
                    "CREATE",
                    "status",
                    "failure")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void servesConversionReviews() throws Exception {
    String review =
        """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"ConversionReview",
         "request":{"uid":"c-1","desiredAPIVersion":"sources.knative.dev/v1","objects":[
          {"apiVersion":"sources.knative.dev/v1beta2","kind":"PingSource",
           "metadata":{"name":"p","namespace":"ns"},"spec":{"schedule":"* * * * *"}}]}}
        """;
    Reply reply = post("/resource-conversion", "application/json", review, CERT.caCertPem());
    assertThat(reply.code()).isEqualTo(200);
    Map<?, ?> response = (Map<?, ?>) JSON.unmarshal(reply.body(), Map.class).get("response");
    assertThat(response.get("uid")).isEqualTo("c-1");
    assertThat(((Map<?, ?>) response.get("result")).get("status")).isEqualTo("Success");
  }

  @Test
  void refusesWhatIsNotAReview() throws Exception {
    assertThat(post("/judge", "text/plain", review("u", "x"), CERT.caCertPem()).code())
        .isEqualTo(415);
    Reply malformed =
        post("/judge", "application/json; charset=utf-8", "{not json", CERT.caCertPem());
    assertThat(malformed.code()).isEqualTo(400);
    assertThat(malformed.body()).startsWith("could not decode body:").doesNotContain("\tat ");
    assertThat(
            post("/judge", "application/json", "{\"kind\":\"AdmissionReview\"}", CERT.caCertPem())
                .code())
        .isEqualTo(400);
    assertThat(post("/judge", "application/json", "x".repeat(5000), CERT.caCertPem()).code())
        .isEqualTo(413);
    assertThat(post("/nowhere", "application/json", review("u", "x"), CERT.caCertPem()).code())
        .isEqualTo(404);
    assertThat(METRICS.get(WebhookMetrics.REJECTED).tags("response_code", "415").counter().count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyClientsTrustingItsCaGetIn() {
    ServingCertificate stranger =
        CertificateAuthority.create("eventing-webhook", "knative-eventing", Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> post("/judge", "application/json", review("u", "x"), stranger.caCertPem()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static String review(String uid, String name) {
    return """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
         "request":{"uid":"%s","name":"%s","namespace":"ns","operation":"CREATE",
          "kind":{"group":"sources.knative.dev","version":"v1","kind":"PingSource"},
          "object":{"metadata":{"name":"%s"}}}}
        """
        .formatted(uid, name, name);
  }

  record Reply(int code, String body) {}

  /** POSTs over HTTPS trusting {@code caPem}, checking the certificate names the Service. */
  static Reply post(String path, String contentType, String body, String caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    HttpsURLConnection connection =
        (HttpsURLConnection)
            URI.create("https://127.0.0.1:" + server.port() + path).toURL().openConnection();
    connection.setSSLSocketFactory(ssl.getSocketFactory());
    connection.setHostnameVerifier(
        (host, session) -> {
          try {
            X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
            return peer.getSubjectAlternativeNames().stream()
                .anyMatch(n -> n.get(1).equals("eventing-webhook.knative-eventing.svc"));
          } catch (Exception e) {
            return false;
          }
        });
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setRequestProperty("Content-Type", contentType);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int code = connection.getResponseCode();
    try (InputStream in = code < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      return new Reply(
          code, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Reply(code, "");
    }
  }
}
