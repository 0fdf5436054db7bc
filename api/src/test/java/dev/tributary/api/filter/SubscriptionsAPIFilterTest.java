package dev.tributary.api.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionsAPIFilterTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesOnlySetFieldsInUpstreamsOrderWithSortedKeys() throws Exception {
    Map<String, String> exact = new LinkedHashMap<>();
    exact.put("type", "t");
    exact.put("source", "s");
    assertThat(mapper.writeValueAsString(SubscriptionsAPIFilter.ofExact(exact)))
        .isEqualTo("{\"exact\":{\"source\":\"s\",\"type\":\"t\"}}");
    assertThat(
            mapper.writeValueAsString(
                new SubscriptionsAPIFilter(
                    List.of(SubscriptionsAPIFilter.EMPTY),
                    List.of(SubscriptionsAPIFilter.ofPrefix(Map.of("a", "b"))),
                    SubscriptionsAPIFilter.EMPTY,
                    Map.of("e", "1"),
                    Map.of("p", "2"),
                    Map.of("s", "3"),
                    "x = 1")))
        .isEqualTo(
            "{\"all\":[{}],\"any\":[{\"prefix\":{\"a\":\"b\"}}],\"not\":{},\"exact\":{\"e\":\"1\"},"
                + "\"prefix\":{\"p\":\"2\"},\"suffix\":{\"s\":\"3\"},\"cesql\":\"x = 1\"}");
    assertThat(mapper.writeValueAsString(SubscriptionsAPIFilter.EMPTY)).isEqualTo("{}");
  }

  @Test
  void readsUpstreamJsonAndEqualsTheSameFilterBuiltInCode() throws Exception {
    SubscriptionsAPIFilter read =
        mapper.readValue(
            "{\"any\":[{\"exact\":{\"type\":\"dev.knative.apiserver.resource.add\"}},"
                + "{\"not\":{\"suffix\":{\"subject\":\"/x\"}}}]}",
            SubscriptionsAPIFilter.class);
    assertThat(read)
        .isEqualTo(
            SubscriptionsAPIFilter.ofAny(
                List.of(
                    SubscriptionsAPIFilter.ofExact(
                        Map.of("type", "dev.knative.apiserver.resource.add")),
                    SubscriptionsAPIFilter.ofNot(
                        SubscriptionsAPIFilter.ofSuffix(Map.of("subject", "/x"))))));
    assertThat(read.exact()).isEmpty();
    assertThat(read.cesql()).isEmpty();
    assertThat(read.not()).isNull();
  }

  @Test
  void aNullNestedElementIsTheEmptyFilterAsInGo() throws Exception {
    SubscriptionsAPIFilter read =
        mapper.readValue("{\"all\":[null]}", SubscriptionsAPIFilter.class);
    assertThat(read.all()).containsExactly(SubscriptionsAPIFilter.EMPTY);
    assertThat(SubscriptionsAPIFilter.ofAll(Arrays.asList((SubscriptionsAPIFilter) null)).all())
        .containsExactly(SubscriptionsAPIFilter.EMPTY);
  }
}
