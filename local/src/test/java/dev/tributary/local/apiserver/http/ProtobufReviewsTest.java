package dev.tributary.local.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtobufReviewsTest {

  /** One length-delimited field. */
  private static byte[] field(int number, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(number << 3 | 2);
    out.write(value.length); // every test value is shorter than 128 bytes
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] field(int number, String value) {
    return field(number, value.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void decodesASelfSubjectAccessReviewAsKubectlSendsIt() {
    byte[] attributes =
        concat(field(1, "default"), field(2, "list"), field(3, ""), field(5, "events"));
    byte[] review = concat(field(1, new byte[0]), field(2, field(1, attributes)));
    byte[] typeMeta =
        concat(field(1, "authorization.k8s.io/v1"), field(2, "SelfSubjectAccessReview"));
    byte[] body =
        concat(new byte[] {'k', '8', 's', 0}, field(1, typeMeta), field(2, review), field(4, ""));

    ObjectNode decoded = ProtobufReviews.decode(body, "SelfSubjectAccessReview");

    assertThat(decoded.path("kind").asText()).isEqualTo("SelfSubjectAccessReview");
    ObjectNode resource = (ObjectNode) decoded.path("spec").path("resourceAttributes");
    assertThat(resource.path("namespace").asText()).isEqualTo("default");
    assertThat(resource.path("verb").asText()).isEqualTo("list");
    assertThat(resource.path("resource").asText()).isEqualTo("events");
    assertThat(resource.has("name")).isFalse();
  }

  @Test
  void nonResourceAttributesAndSubjectsAreRead() {
    byte[] spec =
        concat(
            field(2, concat(field(1, "/healthz"), field(2, "get"))),
            field(3, "alice"),
            field(4, "devs"),
            field(4, "ops"));
    byte[] body = concat(new byte[] {'k', '8', 's', 0}, field(2, field(2, spec)));

    ObjectNode decoded = ProtobufReviews.decode(body, "SubjectAccessReview");

    assertThat(decoded.path("spec").path("nonResourceAttributes").path("path").asText())
        .isEqualTo("/healthz");
    assertThat(decoded.path("spec").path("user").asText()).isEqualTo("alice");
    assertThat(decoded.path("spec").path("groups").toString()).isEqualTo("[\"devs\",\"ops\"]");
  }

  @Test
  void anythingElseIs400() {
    assertThatThrownBy(
            () ->
                ProtobufReviews.decode(
                    "{}".getBytes(StandardCharsets.UTF_8), "SubjectAccessReview"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                ProtobufReviews.decode(
                    new byte[] {'k', '8', 's', 0, 0x12, 0x7f}, "SubjectAccessReview"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
