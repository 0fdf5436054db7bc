package dev.tributary.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventHttpCodecTest {

  private static final CloudEvent EVENT =
      CloudEventBuilder.v1()
          .withId("42")
          .withSource(URI.create("https://knative.dev/heartbeats"))
          .withType("dev.knative.eventing.samples.heartbeat")
          .withSubject("sub")
          .withTime(OffsetDateTime.parse("2021-03-25T19:41:00.444508332Z"))
          .withDataContentType("application/json")
          .withExtension("beats", true)
          .withExtension("the", 42)
          .withData("{\"id\":1}".getBytes(StandardCharsets.UTF_8))
          .build();

  @Test
  void binaryModePutsAttributesInHeadersAndDataInTheBody() {
    CloudEventHttpCodec.EncodedEvent encoded = CloudEventHttpCodec.encode(EVENT, Encoding.BINARY);

    assertThat(encoded.headers().get("ce-specversion")).isEqualTo("1.0");
    assertThat(encoded.headers().get("ce-id")).isEqualTo("42");
    assertThat(encoded.headers().get("ce-subject")).isEqualTo("sub");
    assertThat(encoded.headers().get("ce-beats")).isEqualTo("true");
    assertThat(encoded.headers().get("ce-the")).isEqualTo("42");
    assertThat(encoded.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(encoded.body().toString()).isEqualTo("{\"id\":1}");
  }

  @ParameterizedTest
  @MethodSource("eventsOfEveryShape")
  void binaryModeWritesWhatTheSdkWriterWrites(CloudEvent event) {
    List<Map.Entry<String, String>> sdkHeaders = new ArrayList<>();
    ByteArrayOutputStream sdkBody = new ByteArrayOutputStream();
    HttpMessageFactory.createWriter(
            (name, value) -> sdkHeaders.add(Map.entry(name, value)),
            bytes -> sdkBody.writeBytes(bytes == null ? new byte[0] : bytes))
        .writeBinary(event);

    CloudEventHttpCodec.EncodedEvent encoded = CloudEventHttpCodec.encode(event, Encoding.BINARY);

    assertThat(encoded.headers().entries())
        .map(header -> Map.entry(header.getKey(), header.getValue()))
        .containsExactlyElementsOf(sdkHeaders);
    assertThat(encoded.body().getBytes()).isEqualTo(sdkBody.toByteArray());
  }

  static List<CloudEvent> eventsOfEveryShape() {
    CloudEvent minimal =
        CloudEventBuilder.v1().withId("m").withSource(URI.create("/s")).withType("t").build();
    CloudEvent everyExtensionType =
        CloudEventBuilder.v1()
            .withId("x")
            .withSource(URI.create("https://example.com/a?b=c"))
            .withType("t")
            .withDataSchema(URI.create("https://example.com/schema"))
            .withTime(OffsetDateTime.parse("2024-02-29T23:59:59.5+05:30"))
            .withExtension("text", "caf\u00e9 \"quoted\"")
            .withExtension("number", 7)
            .withExtension("flag", false)
            .withExtension("link", URI.create("urn:example:1"))
            .withExtension("when", OffsetDateTime.parse("2020-01-01T00:00:00Z"))
            .withExtension("blob", new byte[] {0, 1, 2, (byte) 0xff})
            .withData(new byte[] {1, 2, 3})
            .build();
    CloudEvent overridden =
        CloudEventBuilder.from(EVENT).withExtension("hello", "world").withoutData().build();
    CloudEvent version03 =
        CloudEventBuilder.v03()
            .withId("v03")
            .withSource(URI.create("/s"))
            .withType("t")
            .withDataContentType("text/plain")
            .withData("hi".getBytes(StandardCharsets.UTF_8))
            .build();
    return List.of(EVENT, minimal, everyExtensionType, overridden, version03);
  }

  @Test
  void structuredModeIsOneJsonDocument() {
    CloudEventHttpCodec.EncodedEvent encoded =
        CloudEventHttpCodec.encode(EVENT, Encoding.STRUCTURED);

    assertThat(encoded.headers().names()).containsExactly("Content-Type");
    assertThat(encoded.headers().get("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(encoded.body().toString())
        .contains("\"id\":\"42\"")
        .contains("\"data\":{\"id\":1}")
        .contains("\"the\":42");
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void decodesWhatItEncodes(Encoding encoding) throws Exception {
    CloudEventHttpCodec.EncodedEvent encoded = CloudEventHttpCodec.encode(EVENT, encoding);

    List<ReceivedEvent> decoded = CloudEventHttpCodec.decode(encoded.headers(), encoded.body());

    assertThat(decoded).hasSize(1);
    CloudEvent event = decoded.get(0).event();
    assertThat(event.getId()).isEqualTo("42");
    assertThat(event.getSubject()).isEqualTo("sub");
    assertThat(event.getTime()).isEqualTo(EVENT.getTime());
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1}");
    assertThat(event.getExtension("the")).hasToString("42");
    assertThat(decoded.get(0).base64Data()).isFalse();
  }

  @Test
  void readsVersion03() throws Exception {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("ce-specversion", "0.3")
            .add("ce-id", "1")
            .add("ce-source", "/s")
            .add("ce-type", "t");

    CloudEvent event = CloudEventHttpCodec.decode(headers, Buffer.buffer()).get(0).event();

    assertThat(event.getSpecVersion().toString()).isEqualTo("0.3");
    assertThat(event.getData()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/",
        "/json",
        "text plain",
        "text/plain x",
        "text/plain; charset",
        "text/plain; =x",
        "text/plain;; a=b"
      })
  void refusesMediaTypesGoCannotParse(String contentType) {
    CloudEventDecodingException error = decodeBinaryWith(contentType);

    assertThat(error).isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.reason()).contains("datacontenttype").contains("mime: ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "application/json; charset=utf-8",
        "text/plain;",
        "text",
        "text/plain; a=\"quoted; value\"",
        "Application/JSON"
      })
  void acceptsMediaTypesGoParses(String contentType) {
    assertThat(decodeBinaryWith(contentType)).isNull();
  }

  @Test
  void refusesARelativeDataschemaAndAnEmptySubject() {
    MultiMap headers = minimalBinary().add("ce-dataschema", "relative/path").add("ce-subject", "");

    CloudEventDecodingException error =
        catchThrowableOfType(
            CloudEventDecodingException.class,
            () -> CloudEventHttpCodec.decode(headers, Buffer.buffer()));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.reason())
        .isEqualTo(
            "invalid event: dataschema: if present, MUST adhere to the format specified in RFC"
                + " 3986, Section 4.3. Absolute URI; subject: if present, MUST be a non-empty"
                + " string");
  }

  @Test
  void structuredContentTypeWinsOverCeHeaders() throws Exception {
    MultiMap headers =
        minimalBinary().set("Content-Type", "Application/CloudEvents+JSON ; charset=utf-8");
    Buffer body =
        Buffer.buffer(
            "{\"specversion\":\"1.0\",\"id\":\"s\",\"source\":\"/s\",\"type\":\"t\","
                + "\"data_base64\":\"AAEC\"}");

    ReceivedEvent received = CloudEventHttpCodec.decode(headers, body).get(0);

    assertThat(received.event().getId()).isEqualTo("s");
    assertThat(received.base64Data()).isTrue();
    assertThat(received.event().getData().toBytes()).containsExactly(0, 1, 2);
  }

  private static CloudEventDecodingException decodeBinaryWith(String contentType) {
    MultiMap headers = minimalBinary().add("Content-Type", contentType);
    return catchThrowableOfType(
        CloudEventDecodingException.class,
        () -> CloudEventHttpCodec.decode(headers, Buffer.buffer("x")));
  }

  private static MultiMap minimalBinary() {
    return MultiMap.caseInsensitiveMultiMap()
        .add("ce-specversion", "1.0")
        .add("ce-id", "1")
        .add("ce-source", "/s")
        .add("ce-type", "t");
  }
}
