package dev.tributary.adapters.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.api.sources.apiserver.ApiVersionKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerFilterTest {

  private static Map<String, Object> ownedBy(Map<String, Object>... owners) {
    return Map.of("metadata", Map.of("name", "p", "ownerReferences", List.of(owners)));
  }

  private static final Map<String, Object> RS_CONTROLLER =
      Map.of("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", "rs", "controller", true);
  private static final Map<String, Object> RS_NOT_CONTROLLER =
      Map.of("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", "rs");

  @Test
  void noOwnerConfiguredPassesEverything() {
    assertThat(OwnerFilter.passes(null, Map.of("metadata", Map.of()))).isTrue();
  }

  @Test
  void onlyTheControllerOwnerCounts() {
    ApiVersionKind owner = new ApiVersionKind("apps/v1", "ReplicaSet");
    assertThat(OwnerFilter.passes(owner, ownedBy(RS_CONTROLLER))).isTrue();
    assertThat(OwnerFilter.passes(owner, ownedBy(RS_NOT_CONTROLLER))).isFalse();
    assertThat(OwnerFilter.passes(owner, Map.of("metadata", Map.of("name", "p")))).isFalse();
  }

  @Test
  void emptyApiVersionOrKindMatchesAny() {
    assertThat(OwnerFilter.passes(new ApiVersionKind("", "ReplicaSet"), ownedBy(RS_CONTROLLER)))
        .isTrue();
    assertThat(OwnerFilter.passes(new ApiVersionKind("apps/v1", ""), ownedBy(RS_CONTROLLER)))
        .isTrue();
    assertThat(OwnerFilter.passes(new ApiVersionKind("", "Job"), ownedBy(RS_CONTROLLER))).isFalse();
    assertThat(OwnerFilter.passes(new ApiVersionKind("apps/v2", ""), ownedBy(RS_CONTROLLER)))
        .isFalse();
  }
}
