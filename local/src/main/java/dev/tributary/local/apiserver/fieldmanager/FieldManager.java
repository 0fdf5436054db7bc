package dev.tributary.local.apiserver.fieldmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.errors.FieldCause;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Maintains {@code metadata.managedFields} as kube-apiserver's field manager does: an apply records
 * exactly the fields of its configuration, conflicts with other managers that own a field it would
 * change (409 unless forced, and forced it takes them over), and removes the fields it applied
 * before and no longer applies when nobody else owns them; any other write records the fields it
 * changed for its manager and takes them away from the others.
 *
 * <p>Entry times change only when an entry's fields change or its manager changed the object, so a
 * write that changes nothing leaves {@code managedFields} byte for byte as it was. Stateless and
 * thread-safe; objects passed in are changed only where documented.
 */
public final class FieldManager {

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final Clock clock;

  public FieldManager(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Who writes.
   *
   * @param manager the field manager's name
   * @param apiVersion the API version of the request
   * @param subresource {@code ""} or {@code "status"}
   */
  public record Writer(String manager, String apiVersion, String subresource) {}

  /**
   * Records a write that is not an apply (create, update, non-apply patch), setting {@code next}'s
   * {@code metadata.managedFields}.
   *
   * @param old the object before (null for a create)
   * @param next the object written; its managedFields are replaced
   * @param requested the managedFields the request carried: missing or null keeps the old ones, a
   *     list of one empty entry clears them, any other list replaces them
   * @param schema how the kind's lists are keyed
   * @param scope the part of the object this write may own
   */
  public void recordUpdate(
      ObjectNode old,
      ObjectNode next,
      JsonNode requested,
      Writer writer,
      ListKeys schema,
      FieldScope scope) {
    ObjectNode nextMeta = metadata(next);
    if (resets(requested)) {
      nextMeta.remove("managedFields");
      return;
    }
    JsonNode oldManaged = old == null ? null : metadata(old).get("managedFields");
    List<ManagedFieldsEntry> base =
        requested != null && requested.isArray()
            ? ManagedFieldsEntry.decodeAll(requested)
            : ManagedFieldsEntry.decodeAll(oldManaged);
    FieldSet changed =
        ObjectFields.of(next, schema, scope, false)
            .changedSince(ObjectFields.of(old, schema, scope, false));
    ManagedFieldsEntry mine =
        new ManagedFieldsEntry(
            writer.manager(),
            ManagedFieldsEntry.UPDATE,
            writer.apiVersion(),
            "",
            writer.subresource(),
            FieldSet.empty());
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    int mineAt = -1;
    for (ManagedFieldsEntry entry : base) {
      if (entry.sameManager(mine)) {
        mine = entry.withFields(entry.fields().union(changed));
        mineAt = entries.size();
        entries.add(mine);
      } else {
        entries.add(entry.withFields(entry.fields().difference(changed)));
      }
    }
    if (mineAt < 0) {
      mine = mine.withFields(changed);
      entries.add(mine);
    } else if (!changed.isEmpty()) {
      // the version written now is the version the entry speaks for
      ManagedFieldsEntry current = entries.get(mineAt);
      entries.set(
          mineAt,
          new ManagedFieldsEntry(
              current.manager(),
              current.operation(),
              writer.apiVersion(),
              current.time(),
              current.subresource(),
              current.fields()));
    }
    store(base, entries, next, oldManaged, changed.isEmpty() ? null : mine, schema);
  }

  /**
   * Server-side apply's ownership rules over the merge of a configuration into the live object.
   *
   * @param live the live object, or null when the apply creates it
   * @param applied the applied configuration
   * @param merged {@code applied} merged into {@code live} (the plain merge); not changed
   * @param force whether conflicts are overruled ({@code force=true})
   * @return the object to write: {@code merged} without the fields this manager stopped applying
   *     that no other manager owns, with its managedFields
   * @throws ApiException 409 Conflict naming each conflicting field and its manager, as upstream
   */
  public ObjectNode apply(
      ObjectNode live,
      ObjectNode applied,
      ObjectNode merged,
      Writer writer,
      boolean force,
      ListKeys schema,
      FieldScope scope) {
    JsonNode oldManaged = live == null ? null : metadata(live).get("managedFields");
    List<ManagedFieldsEntry> base = ManagedFieldsEntry.decodeAll(oldManaged);
    FieldSet appliedFields = ObjectFields.of(applied, schema, scope, true).set();
    FieldSet changed =
        ObjectFields.of(merged, schema, scope, false)
            .changedSince(ObjectFields.of(live, schema, scope, false))
            .intersection(appliedFields);
    ManagedFieldsEntry mine =
        new ManagedFieldsEntry(
            writer.manager(),
            ManagedFieldsEntry.APPLY,
            writer.apiVersion(),
            "",
            writer.subresource(),
            FieldSet.empty());
    FieldSet previous = FieldSet.empty();
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (ManagedFieldsEntry entry : base) {
      if (entry.sameManager(mine)) {
        previous = entry.fields();
        mine = entry;
        continue;
      }
      FieldSet contested = entry.fields().intersection(changed);
      if (!contested.isEmpty()) {
        contested.members().stream()
            .map(field -> new Conflict(entry, field, FieldSet.describe(field)))
            .sorted(Comparator.comparing(Conflict::path))
            .forEach(conflicts::add);
        entries.add(entry.withFields(entry.fields().difference(contested)));
      } else {
        entries.add(entry);
      }
    }
    if (!conflicts.isEmpty() && !force && !LastApplied.allows(live, conflicts, schema, scope)) {
      throw conflictError(conflicts);
    }
    ObjectNode result = merged.deepCopy();
    if (writer.manager().equals(LastApplied.KUBECTL)) {
      LastApplied.sync(result, applied);
    }
    FieldSet othersOwn = FieldSet.empty();
    for (ManagedFieldsEntry entry : entries) {
      othersOwn = othersOwn.union(entry.fields());
    }
    List<List<String>> dropped = new ArrayList<>(previous.difference(appliedFields).members());
    dropped.sort(Comparator.comparingInt((List<String> p) -> p.size()).reversed());
    for (List<String> path : dropped) {
      if (!othersOwn.containsOrBelow(path) && !appliedFields.containsOrBelow(path)) {
        FieldPaths.remove(result, path);
      }
    }
    boolean mineChanged =
        !previous.equals(appliedFields)
            || !withoutManagedFields(result).equals(withoutManagedFields(live))
            || !mine.apiVersion().equals(writer.apiVersion());
    mine =
        new ManagedFieldsEntry(
            writer.manager(),
            ManagedFieldsEntry.APPLY,
            writer.apiVersion(),
            mine.time(),
            writer.subresource(),
            appliedFields);
    entries.add(mine);
    store(base, entries, result, oldManaged, mineChanged ? mine : null, schema);
    return result;
  }

  /**
   * Sets {@code object}'s managedFields to {@code entries} less the fields it no longer has, with
   * empty entries dropped, changed entries (and {@code touched}) stamped now, and the old encoding
   * kept verbatim when nothing changed.
   */
  private void store(
      List<ManagedFieldsEntry> before,
      List<ManagedFieldsEntry> entries,
      ObjectNode object,
      JsonNode oldManaged,
      ManagedFieldsEntry touched,
      ListKeys schema) {
    FieldSet present = ObjectFields.of(object, schema, FieldScope.WHOLE, false).set();
    String now = RFC3339.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    List<ManagedFieldsEntry> kept = new ArrayList<>();
    for (ManagedFieldsEntry entry : entries) {
      ManagedFieldsEntry pruned = entry.withFields(entry.fields().intersection(present));
      if (pruned.fields().isEmpty()) {
        continue;
      }
      boolean same =
          before.stream()
              .anyMatch(
                  old ->
                      old.sameManager(pruned)
                          && old.fields().equals(pruned.fields())
                          && old.apiVersion().equals(pruned.apiVersion()));
      boolean stamp = !same || (touched != null && touched.sameManager(pruned));
      kept.add(stamp || pruned.time().isEmpty() ? pruned.withTime(now) : pruned);
    }
    ObjectNode meta = metadata(object);
    if (oldManaged != null && kept.equals(ManagedFieldsEntry.decodeAll(oldManaged))) {
      meta.set("managedFields", oldManaged.deepCopy());
    } else if (kept.isEmpty()) {
      meta.remove("managedFields");
    } else {
      meta.set("managedFields", ManagedFieldsEntry.encodeAll(kept));
    }
  }

  private static boolean resets(JsonNode requested) {
    return requested instanceof ArrayNode list
        && list.size() == 1
        && list.get(0).isObject()
        && list.get(0).isEmpty();
  }

  private static ObjectNode metadata(ObjectNode object) {
    JsonNode meta = object.get("metadata");
    return meta instanceof ObjectNode node ? node : object.putObject("metadata");
  }

  private static ObjectNode withoutManagedFields(ObjectNode object) {
    if (object == null) {
      return null;
    }
    ObjectNode copy = object.deepCopy();
    metadata(copy).remove("managedFields");
    return copy;
  }

  record Conflict(ManagedFieldsEntry owner, List<String> field, String path) {}

  /** Upstream's apply conflict: 409, reason Conflict, one FieldManagerConflict cause per field. */
  private static ApiException conflictError(List<Conflict> conflicts) {
    List<FieldCause> causes = new ArrayList<>();
    for (Conflict conflict : conflicts) {
      causes.add(
          new FieldCause(
              "FieldManagerConflict",
              conflict.path(),
              "conflict with " + conflict.owner().describe()));
    }
    String message;
    if (conflicts.size() == 1) {
      message =
          "Apply failed with 1 conflict: conflict with "
              + conflicts.get(0).owner().describe()
              + ": "
              + conflicts.get(0).path();
    } else {
      Map<String, List<String>> byManager = new TreeMap<>();
      for (Conflict conflict : conflicts) {
        byManager
            .computeIfAbsent(conflict.owner().describe(), m -> new ArrayList<>())
            .add(conflict.path());
      }
      List<String> lines = new ArrayList<>();
      byManager.forEach(
          (manager, paths) -> {
            lines.add("conflicts with " + manager + ":");
            paths.forEach(path -> lines.add("- " + path));
          });
      message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
    return new ApiException(409, "Conflict", message, new ApiException.Details("", "", "", causes));
  }
}
