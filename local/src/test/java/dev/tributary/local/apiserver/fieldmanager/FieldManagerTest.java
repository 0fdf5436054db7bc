package dev.tributary.local.apiserver.fieldmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldManagerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FieldManager.Writer A = new FieldManager.Writer("a", "v1", "");
  private static final FieldManager.Writer B = new FieldManager.Writer("b", "v1", "");

  private final FieldManager manager =
      new FieldManager(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A ConfigMap applied by {@code writer} over {@code live}, merged as a merge patch would. */
  private ObjectNode apply(
      ObjectNode live, String data, FieldManager.Writer writer, boolean force) {
    ObjectNode config =
        json(
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":"
                + data
                + "}");
    ObjectNode merged = live == null ? config.deepCopy() : live.deepCopy();
    JsonNode liveData = merged.get("data");
    ObjectNode target = liveData instanceof ObjectNode object ? object : merged.putObject("data");
    target.setAll((ObjectNode) config.get("data"));
    return manager.apply(live, config, merged, writer, force, ListKeys.ATOMIC, FieldScope.WHOLE);
  }

  private static List<String> managers(ObjectNode object) {
    return ManagedFieldsEntry.decodeAll(object.path("metadata").get("managedFields")).stream()
        .map(e -> e.manager() + "/" + e.operation())
        .toList();
  }

  @Test
  void applyRecordsExactlyTheAppliedFields() {
    ObjectNode created = apply(null, "{\"x\":\"1\"}", A, false);

    JsonNode entry = created.path("metadata").path("managedFields").get(0);
    assertThat(entry.path("manager").asText()).isEqualTo("a");
    assertThat(entry.path("operation").asText()).isEqualTo("Apply");
    assertThat(entry.path("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(entry.path("fieldsType").asText()).isEqualTo("FieldsV1");
    assertThat(entry.path("fieldsV1")).isEqualTo(json("{\"f:data\":{\".\":{},\"f:x\":{}}}"));
  }

  @Test
  void aDifferentValueForAnotherManagersFieldConflictsUnlessForced() {
    ObjectNode live = apply(null, "{\"x\":\"1\",\"y\":\"1\"}", A, false);

    ApiException conflict =
        catchThrowableOfType(ApiException.class, () -> apply(live, "{\"x\":\"2\"}", B, false));

    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.reason()).isEqualTo("Conflict");
    assertThat(conflict.getMessage())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"a\": .data.x");
    assertThat(conflict.details().causes())
        .containsExactly(new FieldCause("FieldManagerConflict", ".data.x", "conflict with \"a\""));

    ObjectNode forced = apply(live, "{\"x\":\"2\"}", B, true);
    assertThat(forced.path("data").path("x").asText()).isEqualTo("2");
    List<ManagedFieldsEntry> entries =
        ManagedFieldsEntry.decodeAll(forced.path("metadata").get("managedFields"));
    assertThat(entries.get(0).fields().contains(List.of("f:data", "f:x"))).isFalse();
    assertThat(entries.get(1).fields().contains(List.of("f:data", "f:x"))).isTrue();
  }

  @Test
  void theSameValueIsSharedWithoutConflict() {
    ObjectNode live = apply(null, "{\"x\":\"1\"}", A, false);

    ObjectNode shared = apply(live, "{\"x\":\"1\"}", B, false);

    assertThat(managers(shared)).containsExactly("a/Apply", "b/Apply");
  }

  @Test
  void conflictsWithSeveralFieldsListThemByManager() {
    ObjectNode live = apply(null, "{\"x\":\"1\",\"y\":\"1\"}", A, false);

    ApiException conflict =
        catchThrowableOfType(
            ApiException.class, () -> apply(live, "{\"x\":\"2\",\"y\":\"2\"}", B, false));

    assertThat(conflict.getMessage())
        .isEqualTo("Apply failed with 2 conflicts: conflicts with \"a\":\n- .data.x\n- .data.y");
  }

  @Test
  void aDroppedFieldIsRemovedUnlessAnotherManagerOwnsIt() {
    ObjectNode live = apply(null, "{\"x\":\"1\",\"y\":\"1\"}", A, false);
    live = apply(live, "{\"y\":\"1\"}", B, false); // b shares y

    ObjectNode after = apply(live, "{}", A, false);

    assertThat(after.path("data")).isEqualTo(json("{\"y\":\"1\"}"));
    assertThat(managers(after)).containsExactlyInAnyOrder("a/Apply", "b/Apply");
  }

  @Test
  void anUpdateTakesTheFieldsItChangesAndAnUpdateConflictNamesItsVersionAndTime() {
    ObjectNode live = apply(null, "{\"x\":\"1\"}", A, false);
    ObjectNode edited = live.deepCopy();
    ((ObjectNode) edited.get("data")).put("x", "9");

    manager.recordUpdate(
        live,
        edited,
        null,
        new FieldManager.Writer("kubectl-edit", "v1", ""),
        ListKeys.ATOMIC,
        FieldScope.WHOLE);

    assertThat(managers(edited)).containsExactly("a/Apply", "kubectl-edit/Update");
    ApiException conflict =
        catchThrowableOfType(ApiException.class, () -> apply(edited, "{\"x\":\"1\"}", A, false));
    assertThat(conflict.getMessage())
        .isEqualTo(
            "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1 at"
                + " 2026-01-02T03:04:05Z: .data.x");
  }

  @Test
  void anUpdateThatChangesNothingLeavesManagedFieldsAsTheyWere() {
    ObjectNode live = apply(null, "{\"x\":\"1\"}", A, false);
    JsonNode before = live.path("metadata").path("managedFields").deepCopy();
    ObjectNode same = live.deepCopy();

    new FieldManager(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
        .recordUpdate(live, same, null, B, ListKeys.ATOMIC, FieldScope.WHOLE);

    assertThat(same).isEqualTo(live);
    assertThat(same.path("metadata").path("managedFields")).isEqualTo(before);
  }

  @Test
  void writingOneEmptyEntryClearsManagedFields() {
    ObjectNode live = apply(null, "{\"x\":\"1\"}", A, false);
    ObjectNode next = live.deepCopy();

    manager.recordUpdate(
        live,
        next,
        JSON.createArrayNode().add(JSON.createObjectNode()),
        B,
        ListKeys.ATOMIC,
        FieldScope.WHOLE);

    assertThat(next.path("metadata").has("managedFields")).isFalse();
  }

  @Test
  void conflictsWithinTheLastAppliedConfigurationGoThroughAndKubectlKeepsItInStep() {
    ObjectNode live =
        json(
            """
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"c","annotations":{
               "kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":{\\"x\\":\\"1\\"}}"}},
             "data":{"x":"1","y":"1"}}
            """);
    ObjectNode edited = live.deepCopy();
    manager.recordUpdate(
        null,
        edited,
        null,
        new FieldManager.Writer("kubectl-client-side-apply", "v1", ""),
        ListKeys.ATOMIC,
        FieldScope.WHOLE);

    ObjectNode applied =
        apply(edited, "{\"x\":\"2\"}", new FieldManager.Writer("kubectl", "v1", ""), false);

    assertThat(applied.path("data").path("x").asText()).isEqualTo("2");
    assertThat(
            applied
                .path("metadata")
                .path("annotations")
                .path("kubectl.kubernetes.io/last-applied-configuration")
                .asText())
        .contains("\"x\":\"2\"");
    // y is not in the last-applied configuration: changing it still conflicts
    ApiException conflict =
        catchThrowableOfType(
            ApiException.class,
            () ->
                apply(
                    edited, "{\"y\":\"2\"}", new FieldManager.Writer("kubectl", "v1", ""), false));
    assertThat(conflict.code()).isEqualTo(409);
  }
}
