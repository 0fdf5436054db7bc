package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceStatusTest {
  private static final Condition READY =
      new Condition("Ready", "True", "", "2026-01-01T00:00:00Z", "", "");
  private static final Condition NOT_READY =
      new Condition("Ready", "False", "", "2026-01-01T00:00:00Z", "Bad", "no");

  private static SourceStatus published() {
    SourceStatus status = new SourceStatus();
    status.setObservedGeneration(3L);
    status.setConditions(List.of(READY));
    status.setAnnotations(new LinkedHashMap<>(Map.of("a", "b")));
    status.setSinkUri("http://sink");
    status.setSinkCACerts("PEM");
    status.setSinkAudience("aud");
    status.setCeAttributes(new ArrayList<>(List.of(new CloudEventAttributes("t", "s"))));
    return status;
  }

  @Test
  void copyFromCopiesEveryFieldAndSharesNothing() {
    SourceStatus from = published();
    SourceStatus to = new SourceStatus();
    to.copyFrom(from);

    assertThat(to).usingRecursiveComparison().isEqualTo(from);
    from.getConditions().add(NOT_READY);
    from.getAnnotations().put("c", "d");
    from.getCeAttributes().add(new CloudEventAttributes("u", "v"));
    assertThat(to.getConditions()).containsExactly(READY);
    assertThat(to.getAnnotations()).isEqualTo(Map.of("a", "b"));
    assertThat(to.getCeAttributes()).containsExactly(new CloudEventAttributes("t", "s"));
  }

  @Test
  void copyOutputsFromKeepsConditionsAndObservedGeneration() {
    SourceStatus to = new SourceStatus();
    to.setObservedGeneration(7L);
    to.setConditions(List.of(NOT_READY));
    to.copyOutputsFrom(published());

    assertThat(to.getObservedGeneration()).isEqualTo(7L);
    assertThat(to.getConditions()).containsExactly(NOT_READY);
    assertThat(to.getAnnotations()).isEqualTo(Map.of("a", "b"));
    assertThat(to.getSinkUri()).isEqualTo("http://sink");
    assertThat(to.getSinkCACerts()).isEqualTo("PEM");
    assertThat(to.getSinkAudience()).isEqualTo("aud");
    assertThat(to.getCeAttributes()).containsExactly(new CloudEventAttributes("t", "s"));
  }

  @Test
  void nullsCopyAsNulls() {
    SourceStatus to = published();
    to.copyFrom(new SourceStatus());

    assertThat(to.getObservedGeneration()).isNull();
    assertThat(to.getConditions()).isEmpty();
    assertThat(to.getAnnotations()).isNull();
    assertThat(to.getSinkUri()).isNull();
    assertThat(to.getCeAttributes()).isNull();
  }
}
