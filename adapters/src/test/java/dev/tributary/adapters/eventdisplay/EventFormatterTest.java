package dev.tributary.adapters.eventdisplay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFormatterTest {

  @Test
  void printsAHeartbeatAsKnativeDocumentsIt() {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId("2b72d7bf-c38f-4a98-a433-608fbcdd2596")
            .withType("dev.knative.eventing.samples.heartbeat")
            .withSource(
                URI.create("https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod"))
            .withTime(OffsetDateTime.parse("2019-10-18T15:23:20.809775386Z"))
            .withDataContentType("application/json")
            .withExtension("the", 42)
            .withExtension("heart", "yes")
            .withExtension("beats", true)
            .withData("{\"id\":2,\"label\":\"\"}".getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(EventFormatter.display(event, false))
        .isEqualTo(
            """
            ☁️  cloudevents.Event
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: dev.knative.eventing.samples.heartbeat
              source: https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod
              id: 2b72d7bf-c38f-4a98-a433-608fbcdd2596
              time: 2019-10-18T15:23:20.809775386Z
              datacontenttype: application/json
            Extensions,
              beats: true
              heart: yes
              the: 42
            Data,
              {
                "id": 2,
                "label": ""
              }
            """);
  }

  @Test
  void printsAPingAsKnativeDocumentsIt() {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId("49f04fe2-7708-453d-ae0a-5fbaca9586a8")
            .withType("dev.knative.sources.ping")
            .withSource(
                URI.create("/apis/v1/namespaces/pingsource-example/pingsources/test-ping-source"))
            .withTime(OffsetDateTime.parse("2021-03-25T19:41:00.444508332Z"))
            .withDataContentType("application/json")
            .withData("{\"message\": \"Hello world!\"}".getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(EventFormatter.display(event, false))
        .isEqualTo(
            """
            ☁️  cloudevents.Event
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: dev.knative.sources.ping
              source: /apis/v1/namespaces/pingsource-example/pingsources/test-ping-source
              id: 49f04fe2-7708-453d-ae0a-5fbaca9586a8
              time: 2021-03-25T19:41:00.444508332Z
              datacontenttype: application/json
            Data,
              {
                "message": "Hello world!"
              }
            """);
  }

  @Test
  void theHeaderIsACloudEmojiAndTwoSpaces() {
    assertThat(EventFormatter.HEADER.getBytes(StandardCharsets.UTF_8))
        .isEqualTo("\u2601\uFE0F  cloudevents.Event".getBytes(StandardCharsets.UTF_8))
        .startsWith(0xE2, 0x98, 0x81, 0xEF, 0xB8, 0x8F, ' ', ' ');
  }

  @Test
  void printsEveryOptionalAttributeInSdkGoOrder() {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId("1")
            .withType("t")
            .withSource(URI.create("/s"))
            .withSubject("sub")
            .withTime(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)))
            .withDataSchema(URI.create("https://example.com/schema"))
            .withDataContentType("text/plain")
            .withExtension("zeta", "z")
            .withExtension("alpha", "a")
            .withData("hello  world".getBytes(StandardCharsets.UTF_8))
            .build();

    assertThat(EventFormatter.describe(event, false))
        .isEqualTo(
            """
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: t
              source: /s
              subject: sub
              id: 1
              time: 2024-01-02T01:04:05Z
              dataschema: https://example.com/schema
              datacontenttype: text/plain
            Extensions,
              alpha: a
              zeta: z
            Data,
              hello  world
            """);
  }

  @Test
  void omitsUnsetAttributesExtensionsAndData() {
    CloudEvent event =
        CloudEventBuilder.v1().withId("1").withType("t").withSource(URI.create("/s")).build();

    assertThat(EventFormatter.describe(event, false))
        .isEqualTo(
            """
            Validation: valid
            Context Attributes,
              specversion: 1.0
              type: t
              source: /s
              id: 1
            """);
  }

  @Test
  void marksDataThatCameAsDataBase64() {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId("1")
            .withType("t")
            .withSource(URI.create("/s"))
            .withDataContentType("application/octet-stream")
            .withData(new byte[] {'a', 'b'})
            .build();

    assertThat(EventFormatter.describe(event, true)).endsWith("Data (binary),\n  ab\n");
  }

  @Test
  void printsInvalidJsonRaw() {
    CloudEvent event = json("application/json", "{\"a\":1,}");

    assertThat(EventFormatter.describe(event, false)).endsWith("Data,\n  {\"a\":1,}\n");
  }

  @Test
  void indentsJsonWhoseContentTypeHasParameters() {
    CloudEvent event = json("application/json; charset=utf-8", "[1,{}]");

    assertThat(EventFormatter.describe(event, false)).endsWith("Data,\n  [\n    1,\n    {}\n  ]\n");
  }

  @ParameterizedTest
  @CsvSource({"text/json", "application/cloudevents+json", "Application/JSON"})
  void printsOtherContentTypesRawEvenWhenTheyHoldJson(String contentType) {
    CloudEvent event = json(contentType, "{\"a\":1}");

    assertThat(EventFormatter.describe(event, false)).endsWith("Data,\n  {\"a\":1}\n");
  }

  @Test
  void keepsTrailingWhitespaceOfJsonDataAsGoDoes() {
    CloudEvent event = json("application/json", "\n {\"a\":1}\n");

    assertThat(EventFormatter.describe(event, false)).endsWith("Data,\n  {\n    \"a\": 1\n  }\n\n");
  }

  @ParameterizedTest
  @CsvSource({
    "2021-03-25T19:41:00.444508332Z, 2021-03-25T19:41:00.444508332Z",
    "2021-03-25T19:41:00.440000000Z, 2021-03-25T19:41:00.44Z",
    "2021-03-25T19:41:00Z, 2021-03-25T19:41:00Z",
    "2021-03-25T23:41:00.5-01:00, 2021-03-26T00:41:00.5Z",
    "0099-01-01T00:00:00.000000001Z, 0099-01-01T00:00:00.000000001Z",
  })
  void printsTimeAsGoRfc3339NanoInUtc(String time, String printed) {
    assertThat(EventFormatter.rfc3339Nano(OffsetDateTime.parse(time))).isEqualTo(printed);
  }

  @Test
  void printsExtensionValuesAsGoPrintsThem() {
    assertThat(EventFormatter.extensionValue(42)).isEqualTo("42");
    assertThat(EventFormatter.extensionValue(true)).isEqualTo("true");
    assertThat(EventFormatter.extensionValue("yes")).isEqualTo("yes");
    assertThat(EventFormatter.extensionValue(URI.create("https://a/b"))).isEqualTo("https://a/b");
    assertThat(EventFormatter.extensionValue(OffsetDateTime.parse("2020-01-01T01:00:00+01:00")))
        .isEqualTo("2020-01-01T00:00:00Z");
    assertThat(EventFormatter.extensionValue(new byte[] {1, (byte) 255})).isEqualTo("[1 255]");
  }

  private static CloudEvent json(String contentType, String data) {
    return CloudEventBuilder.v1()
        .withId("1")
        .withType("t")
        .withSource(URI.create("/s"))
        .withDataContentType(contentType)
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
