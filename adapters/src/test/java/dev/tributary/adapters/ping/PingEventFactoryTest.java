package dev.tributary.adapters.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.api.duck.CloudEventOverrides;
import dev.tributary.api.duck.Destination;
import dev.tributary.api.sources.ping.PingSource;
import dev.tributary.api.sources.ping.PingSourceSpec;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PingEventFactoryTest {

  private static final String UID = "0f3c5ae2-8a1b-4d4c-9a4e-6f1e2b7c9d10";
  private static final Instant SCHEDULED = Instant.parse("2024-03-10T10:16:00Z");
  private static final Instant SENT = Instant.parse("2024-03-10T10:16:00.123456789Z");
  private static final PingSourceSpec BASE =
      PingSourceSpec.of(Destination.ofUri("http://sink.example"), "*/1 * * * *");

  private static PingSource source(String uid, PingSourceSpec spec) {
    PingSource source = PingSource.of("pingsource-example", "test-ping-source", spec);
    source.getMetadata().setUid(uid);
    return source;
  }

  private static CloudEvent event(PingSourceSpec spec) throws Exception {
    return PingEventFactory.of(source(UID, spec)).event(SCHEDULED, SENT);
  }

  @Test
  void dataIsSentAsItsRawBytesWithTheContentType() throws Exception {
    CloudEvent event =
        event(BASE.withContentType("application/json").withData("{\"message\": \"Hello world!\"}"));

    assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
    assertThat(event.getType()).isEqualTo("dev.knative.sources.ping");
    assertThat(event.getSource())
        .isEqualTo(
            URI.create("/apis/v1/namespaces/pingsource-example/pingsources/test-ping-source"));
    assertThat(event.getSubject()).isNull();
    assertThat(event.getDataSchema()).isNull();
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    assertThat(event.getData().toBytes())
        .isEqualTo("{\"message\": \"Hello world!\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(SENT, ZoneOffset.UTC));
    assertThat(event.getExtensionNames()).isEmpty();
  }

  @Test
  void dataBase64IsDecoded() throws Exception {
    CloudEvent event =
        event(BASE.withContentType("text/plain").withDataBase64("aGVsbG8sIHdvcmxk\n"));

    assertThat(event.getDataContentType()).isEqualTo("text/plain");
    assertThat(event.getData().toBytes())
        .isEqualTo("hello, world".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dataBase64WinsOverDataAsUpstream() throws Exception {
    CloudEvent event = event(BASE.withData("text").withDataBase64("AAEC"));

    assertThat(event.getData().toBytes()).containsExactly(0, 1, 2);
  }

  @Test
  void invalidDataBase64IsAClearError() {
    assertThatThrownBy(() -> PingEventFactory.of(source(UID, BASE.withDataBase64("not base64!"))))
        .isInstanceOf(InvalidPingSourceException.class)
        .hasMessage(
            "invalid PingSource pingsource-example/test-ping-source: spec.dataBase64: illegal"
                + " base64 data at input byte 3");
  }

  @Test
  void noDataAndNoContentTypeWhenBothDataFieldsAreEmpty() throws Exception {
    assertThat(event(BASE).getData()).isNull();
    assertThat(event(BASE).getDataContentType()).isNull();
    // sdk-go sets datacontenttype only together with data, so a lone contentType is not sent.
    CloudEvent lone = event(BASE.withContentType("application/json"));
    assertThat(lone.getData()).isNull();
    assertThat(lone.getDataContentType()).isNull();
  }

  @Test
  void contentTypeIsAbsentWhenEmptyAndTrimmedOtherwise() throws Exception {
    CloudEvent untyped = event(BASE.withData("plain words"));
    assertThat(untyped.getDataContentType()).isNull();
    assertThat(untyped.getData().toBytes())
        .isEqualTo("plain words".getBytes(StandardCharsets.UTF_8));

    assertThat(event(BASE.withData("x").withContentType(" text/plain\n")).getDataContentType())
        .isEqualTo("text/plain");
    assertThat(event(BASE.withData("x").withContentType(" \t")).getDataContentType()).isNull();
  }

  @Test
  void ceOverridesBecomeLowerCasedExtensionsAndNeverReplaceCoreAttributes() throws Exception {
    CloudEvent event =
        event(
            BASE.withData("x")
                .withCeOverrides(
                    new CloudEventOverrides(
                        Map.of("Hello", "world", "team", "blue", "type", "ignored"))));

    assertThat(event.getExtensionNames()).containsExactlyInAnyOrder("hello", "team");
    assertThat(event.getExtension("hello")).isEqualTo("world");
    assertThat(event.getExtension("team")).isEqualTo("blue");
    assertThat(event.getType()).isEqualTo("dev.knative.sources.ping");
  }

  @Test
  void theIdIsTheVersion5UuidOfUidAndScheduledTime() throws Exception {
    PingEventFactory factory = PingEventFactory.of(source(UID, BASE));

    // Pinned (computed independently with Python's uuid.uuid5): changing the namespace or the name
    // text would change every id users may have stored.
    assertThat(factory.eventId(SCHEDULED)).isEqualTo("36331a81-3f46-54ec-9b91-9f7fbf22ee37");
    UUID id = UUID.fromString(factory.event(SCHEDULED, SENT).getId());
    assertThat(id.version()).isEqualTo(5);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void theIdIsTheSameForTheSameTickWhateverTheSendTimeOrReplica() throws Exception {
    PingEventFactory replicaA = PingEventFactory.of(source(UID, BASE.withData("a")));
    PingEventFactory replicaB = PingEventFactory.of(source(UID, BASE.withData("a")));

    CloudEvent first = replicaA.event(SCHEDULED, SENT);
    CloudEvent retried = replicaB.event(SCHEDULED, SENT.plusSeconds(30));

    assertThat(retried.getId()).isEqualTo(first.getId());
    assertThat(retried.getTime()).isNotEqualTo(first.getTime());
  }

  @Test
  void theIdDiffersForAnotherTickOrAnotherUid() throws Exception {
    PingEventFactory factory = PingEventFactory.of(source(UID, BASE));
    PingEventFactory recreated =
        PingEventFactory.of(source("5e0c2f1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", BASE));

    assertThat(factory.eventId(SCHEDULED.plusSeconds(60))).isNotEqualTo(factory.eventId(SCHEDULED));
    assertThat(factory.eventId(SCHEDULED.plusSeconds(1))).isNotEqualTo(factory.eventId(SCHEDULED));
    assertThat(recreated.eventId(SCHEDULED)).isNotEqualTo(factory.eventId(SCHEDULED));
  }

  @Test
  void withoutAUidTheIdComesFromNamespaceAndName() throws Exception {
    PingEventFactory noUid = PingEventFactory.of(source(null, BASE));
    PingEventFactory emptyUid = PingEventFactory.of(source("", BASE));

    assertThat(noUid.eventId(SCHEDULED))
        .isEqualTo(
            NameBasedUuid.v5(
                    PingEventIds.NAMESPACE,
                    "pingsource-example/test-ping-source/2024-03-10T10:16:00Z")
                .toString())
        .isEqualTo(emptyUid.eventId(SCHEDULED))
        .isNotEqualTo(PingEventFactory.of(source(UID, BASE)).eventId(SCHEDULED));
  }

  @Test
  void theNameHashedIsIdentitySlashRfc3339Utc() {
    assertThat(PingEventIds.name(UID, SCHEDULED)).isEqualTo(UID + "/2024-03-10T10:16:00Z");
    assertThat(PingEventIds.identity(source(UID, BASE))).isEqualTo(UID);
    assertThat(PingEventIds.identity(source(null, BASE)))
        .isEqualTo("pingsource-example/test-ping-source");
  }

  @Test
  void eachTickGetsItsOwnIdAndTimeOnTheSamePrebuiltAttributes() throws Exception {
    PingEventFactory factory =
        PingEventFactory.of(source(UID, BASE.withData("x").withContentType("text/plain")));

    CloudEvent first = factory.event(SCHEDULED, SENT);
    CloudEvent second = factory.event(SCHEDULED.plusSeconds(60), SENT.plusSeconds(60));

    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second.getTime()).isEqualTo(first.getTime().plusSeconds(60));
    assertThat(second.getSource()).isEqualTo(first.getSource());
    assertThat(second.getDataContentType()).isEqualTo(first.getDataContentType());
    assertThat(second.getData().toBytes()).isEqualTo(first.getData().toBytes());
    assertThat(factory.key()).isEqualTo("pingsource-example/test-ping-source");
  }
}
