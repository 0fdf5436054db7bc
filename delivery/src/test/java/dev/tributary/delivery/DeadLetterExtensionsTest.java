package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadLetterExtensionsTest {

  private static final CloudEvent EVENT =
      CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t").build();
  private static final URI SINK = URI.create("http://sink.default.svc.cluster.local/");

  @Test
  void errorDataIsTheBase64OfTheBodyCutTo1024Characters() {
    byte[] body = new byte[2000];
    new Random(7).nextBytes(body);

    CloudEvent dead = DeadLetterExtensions.add(EVENT, SINK, 503, body);

    String expected = Base64.getEncoder().encodeToString(body).substring(0, 1024);
    assertThat(dead.getExtension("knativeerrordata")).isEqualTo(expected);
    assertThat(dead.getExtension("knativeerrorcode")).isEqualTo(503);
    assertThat(dead.getExtension("knativeerrordest")).isEqualTo(SINK);
  }

  @Test
  void shortBodiesAreKeptWholeAndEmptyOnesGiveAnEmptyExtension() {
    assertThat(
            DeadLetterExtensions.add(EVENT, SINK, 500, new byte[] {1, 2, 3})
                .getExtension("knativeerrordata"))
        .isEqualTo("AQID");
    assertThat(
            DeadLetterExtensions.add(EVENT, SINK, 500, new byte[0])
                .getExtension("knativeerrordata"))
        .isEqualTo("");
  }

  @Test
  void noResponseIsReportedAs500() {
    CloudEvent dead = DeadLetterExtensions.add(EVENT, SINK, RetryPolicy.NO_RESPONSE, new byte[0]);

    assertThat(dead.getExtension("knativeerrorcode")).isEqualTo(500);
    assertThat(dead.getId()).isEqualTo("1");
  }
}
