package dev.tributary.local.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatchTypeTest {

  @Test
  void mapsTheFourContentTypesIgnoringParameters() {
    assertThat(PatchType.fromContentType("application/json-patch+json"))
        .hasValue(PatchType.JSON_PATCH);
    assertThat(PatchType.fromContentType("application/merge-patch+json; charset=utf-8"))
        .hasValue(PatchType.MERGE_PATCH);
    assertThat(PatchType.fromContentType("application/strategic-merge-patch+json"))
        .hasValue(PatchType.STRATEGIC_MERGE_PATCH);
    assertThat(PatchType.fromContentType("application/apply-patch+yaml"))
        .hasValue(PatchType.APPLY_PATCH);
    assertThat(PatchType.APPLY_PATCH.contentType()).isEqualTo("application/apply-patch+yaml");
  }

  @Test
  void anythingElseIsUnknown() {
    assertThat(PatchType.fromContentType("application/json")).isEmpty();
    assertThat(PatchType.fromContentType("application/apply-patch+cbor")).isEmpty();
    assertThat(PatchType.fromContentType("")).isEmpty();
    assertThat(PatchType.fromContentType(null)).isEmpty();
  }
}
