package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.filter.SubscriptionsAPIFilter;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  private static final CloudEvent EVENT =
      CloudEventBuilder.v1()
          .withId("1")
          .withType("dev.knative.apiserver.resource.add")
          .withSource(URI.create("https://10.96.0.1:443"))
          .withSubject("/apis/v1/namespaces/default/events/x")
          .withExtension("kind", "Event")
          .withExtension("name", "busybox.123")
          .build();

  private static boolean passes(SubscriptionsAPIFilter... filters) {
    return new EventFilter(List.of(filters)).passes(EVENT);
  }

  @Test
  void noFiltersPass() {
    assertThat(passes()).isTrue();
    assertThat(passes(SubscriptionsAPIFilter.EMPTY)).isTrue();
  }

  @Test
  void exactPrefixSuffixOnAttributesAndExtensions() {
    assertThat(
            passes(
                SubscriptionsAPIFilter.ofExact(
                    Map.of("type", "dev.knative.apiserver.resource.add"))))
        .isTrue();
    assertThat(
            passes(
                SubscriptionsAPIFilter.ofExact(Map.of("type", "dev.knative.apiserver.resource"))))
        .isFalse();
    assertThat(passes(SubscriptionsAPIFilter.ofPrefix(Map.of("name", "busybox")))).isTrue();
    assertThat(passes(SubscriptionsAPIFilter.ofSuffix(Map.of("type", ".add", "kind", "nt"))))
        .isTrue();
    assertThat(passes(SubscriptionsAPIFilter.ofSuffix(Map.of("type", ".add", "kind", "Pod"))))
        .isFalse();
  }

  @Test
  void aMissingExtensionFailsButAnUnsetCoreAttributeIsEmpty() {
    assertThat(passes(SubscriptionsAPIFilter.ofExact(Map.of("namespace", "default")))).isFalse();
    assertThat(passes(SubscriptionsAPIFilter.ofPrefix(Map.of("dataschema", "x")))).isFalse();
    assertThat(
            passes(
                SubscriptionsAPIFilter.ofNot(
                    SubscriptionsAPIFilter.ofPrefix(Map.of("dataschema", "x")))))
        .isTrue();
  }

  @Test
  void theListIsAll() {
    assertThat(
            passes(
                SubscriptionsAPIFilter.ofPrefix(Map.of("type", "dev.knative")),
                SubscriptionsAPIFilter.ofExact(Map.of("kind", "Pod"))))
        .isFalse();
  }

  @Test
  void allAnyNotCompose() {
    SubscriptionsAPIFilter isEvent = SubscriptionsAPIFilter.ofExact(Map.of("kind", "Event"));
    SubscriptionsAPIFilter isPod = SubscriptionsAPIFilter.ofExact(Map.of("kind", "Pod"));
    assertThat(passes(SubscriptionsAPIFilter.ofAny(List.of(isPod, isEvent)))).isTrue();
    assertThat(passes(SubscriptionsAPIFilter.ofAny(List.of(isPod, isPod)))).isFalse();
    assertThat(passes(SubscriptionsAPIFilter.ofAll(List.of(isEvent, isPod)))).isFalse();
    assertThat(passes(SubscriptionsAPIFilter.ofAll(List.of(isEvent, isEvent)))).isTrue();
    assertThat(passes(SubscriptionsAPIFilter.ofNot(isPod))).isTrue();
    assertThat(passes(SubscriptionsAPIFilter.ofNot(isEvent))).isFalse();
    assertThat(passes(SubscriptionsAPIFilter.ofNot(SubscriptionsAPIFilter.EMPTY))).isTrue();
  }

  @Test
  void cesqlIsSkippedAndReported() {
    EventFilter f =
        new EventFilter(
            List.of(SubscriptionsAPIFilter.ofNot(SubscriptionsAPIFilter.ofCesql("false"))));
    assertThat(f.hasCesql()).isTrue();
    assertThat(f.passes(EVENT)).isTrue();
  }
}
