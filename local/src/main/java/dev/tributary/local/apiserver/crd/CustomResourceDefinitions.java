package dev.tributary.local.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceRegistry;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.KindHooks;
import dev.tributary.local.apiserver.rest.Meta;
import dev.tributary.local.apiserver.rest.Timestamps;
import dev.tributary.local.apiserver.schema.CustomResourceSchema;
import dev.tributary.local.apiserver.schema.InvalidSchemaException;
import dev.tributary.local.apiserver.schema.StructuralSchemaCheck;
import dev.tributary.local.apiserver.table.PrinterColumn;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import dev.tributary.local.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CustomResourceDefinitions: a CRD, once stored, makes its group, versions, kind, plural,
 * scope, short names, categories and status subresource served (and listed by discovery and
 * OpenAPI); its status says so at once (NamesAccepted and Established True). Updating a CRD updates
 * what is served; deleting one stops serving it and deletes its objects.
 *
 * <p>What Kubernetes' apiextensions server and its establishing and finalizing controllers do, done
 * in-line in the CRD's own requests. The objects' clean-up on deletion is synchronous, after the
 * CRD is gone (Kubernetes holds the CRD with a finalizer meanwhile). Thread-safe; blocks on the
 * store.
 */
public final class CustomResourceDefinitions implements KindHooks {

  private static final Logger log = LoggerFactory.getLogger(CustomResourceDefinitions.class);

  private static final Pattern LOWER_DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private final ResourceRegistry registry;
  private final Store store;
  private final Clock clock;

  public CustomResourceDefinitions(ResourceRegistry registry, Store store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  /** Serves every CRD in the store (at start). Blocks. */
  public void loadAll() {
    for (ObjectNode crd : store.list(storageResource(), "").items()) {
      try {
        register(crd);
      } catch (RuntimeException e) {
        log.error("stored CRD not served name={}", Meta.name(crd), e);
      }
    }
  }

  @Override
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    if (isCrd(type)) {
      validate(object);
      object.set("status", status(object, null));
    }
  }

  @Override
  public void prepareForUpdate(ResourceType type, ObjectNode object, ObjectNode old) {
    if (isCrd(type)) {
      validate(object);
      object.set("status", status(object, old));
    }
  }

  @Override
  public void afterCreate(ResourceType type, ObjectNode stored) {
    if (isCrd(type)) {
      register(stored);
    }
  }

  @Override
  public void afterUpdate(ResourceType type, ObjectNode stored, ObjectNode old) {
    if (isCrd(type)) {
      register(stored);
    }
  }

  @Override
  public void afterDelete(ResourceType type, ObjectNode last) {
    if (!isCrd(type)) {
      return;
    }
    registry.removeCustom(Meta.name(last));
    String group = last.path("spec").path("group").asText();
    String plural = last.path("spec").path("names").path("plural").asText();
    String resource = group + "/" + plural;
    int deleted = 0;
    for (ObjectNode object : store.list(resource, null).items()) {
      try {
        store.delete(new ObjectKey(resource, Meta.namespace(object), Meta.name(object)), null);
        deleted++;
      } catch (StoreException.NotFound e) {
        // already gone
      }
    }
    log.info("stopped serving CRD name={} deletedObjects={}", Meta.name(last), deleted);
  }

  /** The resource types a CRD serves: one per served version. */
  public static List<ResourceType> resourceTypes(ObjectNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String group = spec.path("group").asText();
    String kind = names.path("kind").asText();
    String plural = names.path("plural").asText();
    String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
    boolean namespaced = !spec.path("scope").asText("Namespaced").equals("Cluster");
    List<String> shortNames = texts(names.path("shortNames"));
    List<String> categories = texts(names.path("categories"));
    String storage = "";
    for (JsonNode version : spec.path("versions")) {
      if (version.path("storage").asBoolean()) {
        storage = version.path("name").asText();
      }
    }
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      List<String> subresources = new ArrayList<>();
      if (version.path("subresources").has("status")) {
        subresources.add("status");
      }
      types.add(
          new ResourceType(
              group,
              version.path("name").asText(),
              kind,
              plural,
              singular.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singular,
              namespaced,
              ResourceType.ALL_VERBS,
              shortNames,
              categories,
              subresources,
              storage,
              ((ObjectNode) version).deepCopy()));
    }
    return types;
  }

  private void register(ObjectNode crd) {
    registry.putCustom(Meta.name(crd), resourceTypes(crd));
    log.info("serving CRD name={}", Meta.name(crd));
  }

  /** The checks that keep a CRD servable; Kubernetes checks much more. */
  private static void validate(ObjectNode crd) {
    JsonNode spec = crd.path("spec");
    List<FieldCause> causes = new ArrayList<>();
    String group = spec.path("group").asText("");
    String plural = spec.path("names").path("plural").asText("");
    String kind = spec.path("names").path("kind").asText("");
    if (group.isEmpty()) {
      causes.add(FieldCause.required("spec.group", ""));
    } else if (!group.contains(".")) {
      causes.add(
          FieldCause.invalid("spec.group", group, "should be a domain with at least one dot"));
    }
    if (plural.isEmpty()) {
      causes.add(FieldCause.required("spec.names.plural", ""));
    } else if (!LOWER_DNS_LABEL.matcher(plural).matches()) {
      causes.add(
          FieldCause.invalid(
              "spec.names.plural",
              plural,
              "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or"
                  + " '-', and must start and end with an alphanumeric character"));
    }
    if (kind.isEmpty()) {
      causes.add(FieldCause.required("spec.names.kind", ""));
    }
    String scope = spec.path("scope").asText("");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      causes.add(FieldCause.notSupported("spec.scope", scope, List.of("Cluster", "Namespaced")));
    }
    String name = Meta.name(crd);
    if (!group.isEmpty() && !plural.isEmpty() && !name.equals(plural + "." + group)) {
      causes.add(
          FieldCause.invalid("metadata.name", name, "must be spec.names.plural+\".\"+spec.group"));
    }
    JsonNode versions = spec.path("versions");
    if (!versions.isArray() || versions.isEmpty()) {
      causes.add(
          FieldCause.required(
              "spec.versions", "must have exactly one version marked as storage version"));
    } else {
      int storage = 0;
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < versions.size(); i++) {
        JsonNode version = versions.get(i);
        String versionName = version.path("name").asText("");
        if (versionName.isEmpty()) {
          causes.add(FieldCause.required("spec.versions[" + i + "].name", ""));
        } else if (!seen.add(versionName)) {
          causes.add(FieldCause.duplicate("spec.versions[" + i + "].name", versionName));
        }
        if (version.path("storage").asBoolean()) {
          storage++;
        }
        causes.addAll(schemaCauses(version, "spec.versions[" + i + "]"));
      }
      if (storage != 1) {
        causes.add(
            FieldCause.invalid(
                "spec.versions",
                versions.size() + " versions",
                "must have exactly one version marked as storage version"));
      }
    }
    if (!causes.isEmpty()) {
      throw ApiErrors.invalid("apiextensions.k8s.io", "CustomResourceDefinition", name, causes);
    }
  }

  /** What is wrong with a version's schema and printer columns. */
  private static List<FieldCause> schemaCauses(JsonNode version, String path) {
    List<FieldCause> causes = new ArrayList<>();
    JsonNode schema = version.path("schema").get("openAPIV3Schema");
    String schemaPath = path + ".schema.openAPIV3Schema";
    if (schema == null || schema.isNull()) {
      causes.add(FieldCause.required(schemaPath, "schemas are required"));
    } else {
      try {
        CustomResourceSchema.of(schema);
        for (var cause : StructuralSchemaCheck.check(schema, schemaPath)) {
          causes.add(new FieldCause(cause.reason(), cause.field(), cause.message()));
        }
      } catch (InvalidSchemaException e) {
        causes.add(FieldCause.invalid(schemaPath + "." + e.field(), "", e.detail()));
      }
    }
    List<PrinterColumn> columns = PrinterColumn.fromCrd(version.get("additionalPrinterColumns"));
    for (int j = 0; j < columns.size(); j++) {
      PrinterColumn column = columns.get(j);
      String field = path + ".additionalPrinterColumns[" + j + "].jsonPath";
      column
          .jsonPathError()
          .ifPresent(error -> causes.add(FieldCause.invalid(field, column.jsonPath(), error)));
    }
    return causes;
  }

  /** The status a served CRD has: names accepted, established, its stored versions. */
  private ObjectNode status(ObjectNode crd, ObjectNode old) {
    ObjectNode status = crd.objectNode();
    String now = Timestamps.format(clock.instant());
    ObjectNode acceptedNames = status.putObject("acceptedNames");
    JsonNode names = crd.path("spec").path("names");
    names
        .fields()
        .forEachRemaining(field -> acceptedNames.set(field.getKey(), field.getValue().deepCopy()));
    if (!acceptedNames.has("singular")) {
      acceptedNames.put("singular", names.path("kind").asText().toLowerCase(Locale.ROOT));
    }
    if (!acceptedNames.has("listKind")) {
      acceptedNames.put("listKind", names.path("kind").asText() + "List");
    }
    ArrayNode conditions = status.putArray("conditions");
    conditions
        .addObject()
        .put("type", "NamesAccepted")
        .put("status", "True")
        .put("lastTransitionTime", transitionTime(old, "NamesAccepted", now))
        .put("reason", "NoConflicts")
        .put("message", "no conflicts found");
    conditions
        .addObject()
        .put("type", "Established")
        .put("status", "True")
        .put("lastTransitionTime", transitionTime(old, "Established", now))
        .put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted");
    Set<String> stored = new LinkedHashSet<>();
    if (old != null) {
      old.path("status").path("storedVersions").forEach(v -> stored.add(v.asText()));
    }
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean()) {
        stored.add(version.path("name").asText());
      }
    }
    ArrayNode storedVersions = status.putArray("storedVersions");
    stored.forEach(storedVersions::add);
    return status;
  }

  private static String transitionTime(ObjectNode old, String type, String fallback) {
    if (old != null) {
      for (JsonNode condition : old.path("status").path("conditions")) {
        if (condition.path("type").asText().equals(type)
            && condition.path("status").asText().equals("True")) {
          return condition.path("lastTransitionTime").asText(fallback);
        }
      }
    }
    return fallback;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static boolean isCrd(ResourceType type) {
    return type.group().equals("apiextensions.k8s.io")
        && type.plural().equals("customresourcedefinitions");
  }

  private static String storageResource() {
    return "apiextensions.k8s.io/customresourcedefinitions";
  }
}
