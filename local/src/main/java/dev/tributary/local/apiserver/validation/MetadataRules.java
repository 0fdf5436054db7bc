package dev.tributary.local.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.api.k8s.ContentValidation;
import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import dev.tributary.local.apiserver.rest.ObjectValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code metadata} rules every kind shares (apimachinery's {@code ValidateObjectMeta} and
 * {@code ValidateObjectMetaUpdate}), beyond the name, which the object service checks: label keys
 * and values, annotation keys and their total size, owner references, finalizer names, and on
 * update an unchanged {@code uid}. Stateless.
 */
public final class MetadataRules implements ObjectValidator {

  /** apimachinery's {@code TotalAnnotationSizeLimitB}: 256 KiB of keys and values. */
  public static final int ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

  @Override
  public List<FieldCause> validate(ResourceType type, ObjectNode object, ObjectNode old) {
    JsonNode metadata = Json.child(object, "metadata");
    List<FieldCause> out = new ArrayList<>();
    if (old != null) {
      String uid = Json.text(metadata, "uid");
      String oldUid = Json.text(Json.child(old, "metadata"), "uid");
      if (!uid.equals(oldUid)) {
        out.add(FieldCause.invalid("metadata.uid", uid, Causes.IMMUTABLE));
      }
    }
    labels(Json.stringMap(metadata, "labels"), "metadata.labels", out);
    annotations(Json.stringMap(metadata, "annotations"), "metadata.annotations", out);
    ownerReferences(Json.items(metadata, "ownerReferences"), "metadata.ownerReferences", out);
    for (JsonNode finalizer : Json.items(metadata, "finalizers")) {
      String name = finalizer.asText("");
      ContentValidation.isQualifiedName(name)
          .forEach(m -> out.add(FieldCause.invalid("metadata.finalizers", name, m)));
    }
    return out;
  }

  /** {@code ValidateLabels}: every key a qualified name, every value a label value. */
  static void labels(Map<String, String> labels, String field, List<FieldCause> out) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (key, value) -> {
          ContentValidation.isQualifiedName(key)
              .forEach(m -> out.add(FieldCause.invalid(field, key, m)));
          ContentValidation.isLabelValue(value)
              .forEach(m -> out.add(FieldCause.invalid(field, value, m)));
        });
  }

  /**
   * {@code ValidateAnnotations}: keys are qualified names in any case; keys and values together at
   * most {@value #ANNOTATIONS_SIZE_LIMIT} bytes.
   */
  static void annotations(Map<String, String> annotations, String field, List<FieldCause> out) {
    if (annotations == null) {
      return;
    }
    long size = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      String key = e.getKey();
      ContentValidation.isQualifiedName(key.toLowerCase(Locale.ROOT))
          .forEach(m -> out.add(FieldCause.invalid(field, key, m)));
      size += bytes(key) + bytes(e.getValue());
    }
    if (size > ANNOTATIONS_SIZE_LIMIT) {
      out.add(Causes.tooLong(field, ANNOTATIONS_SIZE_LIMIT));
    }
  }

  /**
   * {@code ValidateOwnerReferences}: apiVersion with a version, kind, name and uid; at most one
   * controller. Paths have no index, as upstream's.
   */
  static void ownerReferences(List<JsonNode> refs, String field, List<FieldCause> out) {
    String firstController = "";
    for (JsonNode ref : refs) {
      String apiVersion = Json.text(ref, "apiVersion");
      String version =
          apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
      if (apiVersion.chars().filter(c -> c == '/').count() > 1) {
        version = ""; // schema.ParseGroupVersion fails: no version is known
      }
      if (version.isEmpty()) {
        out.add(FieldCause.invalid(field + ".apiVersion", apiVersion, "version must not be empty"));
      }
      String kind = Json.text(ref, "kind");
      if (kind.isEmpty()) {
        out.add(FieldCause.invalid(field + ".kind", kind, "must not be empty"));
      }
      String name = Json.text(ref, "name");
      if (name.isEmpty()) {
        out.add(FieldCause.invalid(field + ".name", name, "must not be empty"));
      }
      if (Json.text(ref, "uid").isEmpty()) {
        out.add(FieldCause.invalid(field + ".uid", "", "must not be empty"));
      }
      if (Json.child(ref, "controller").asBoolean(false)) {
        String current = kind + "/" + name;
        if (!firstController.isEmpty()) {
          out.add(
              FieldCause.invalid(
                  field,
                  new GoValue("[]v1.OwnerReference{...}"),
                  "Only one reference can have Controller set to true. Found \"true\" in"
                      + " references for "
                      + firstController
                      + " and "
                      + current));
        } else {
          firstController = current;
        }
      }
    }
  }

  private static long bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
