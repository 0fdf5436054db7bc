package dev.tributary.webhook.defaulting;

import dev.tributary.webhook.AdmissionHandler;
import dev.tributary.webhook.AdmissionStatuses;
import dev.tributary.webhook.SourceJson;
import dev.tributary.webhook.SourceVersion;
import dev.tributary.webhook.SourceVersions;
import dev.tributary.webhook.certs.WebhookConfigurations;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.zjsonpatch.CompatibilityFlags;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The defaulting webhook ({@code /defaulting}), as knative.dev/pkg's defaulting admission
 * controller: on CREATE and UPDATE of any served version of the four kinds, the object is decoded,
 * defaulted with the api module's {@code *Defaults}, and the difference is answered as a JSONPatch.
 * On create the user is recorded in {@code sources.knative.dev/creator} and {@code
 * sources.knative.dev/lastModifier}, on an update that changes the spec in {@code lastModifier}
 * (kinds with a spec upstream treats so: all but SinkBinding). Other operations pass untouched.
 *
 * <p>The patch is computed against the JSON as sent: only what defaulting changed in the typed
 * object is carried over, so fields the typed classes do not model are never dropped. No patch is
 * sent when nothing changed. Failures answer upstream's {@code mutation failed: ...} (400).
 *
 * <p>Stateless and thread-safe.
 */
public final class DefaultingAdmission implements AdmissionHandler {

  /** Annotation recording who created an object (knative.dev/pkg's creator annotation). */
  public static final String CREATOR_ANNOTATION = SourceVersion.GROUP + "/creator";

  /** Annotation recording who last changed an object's spec. */
  public static final String UPDATER_ANNOTATION = SourceVersion.GROUP + "/lastModifier";

  private static final EnumSet<CompatibilityFlags> LENIENT =
      EnumSet.of(CompatibilityFlags.ALLOW_MISSING_TARGET_OBJECT_ON_REPLACE);

  private final SourceJson json;

  public DefaultingAdmission(SourceJson json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public String path() {
    return WebhookConfigurations.DEFAULTING_PATH;
  }

  @Override
  public AdmissionResponse admit(AdmissionRequest request) {
    String operation = request.getOperation();
    if (!"CREATE".equals(operation) && !"UPDATE".equals(operation)) {
      return allowed();
    }
    GroupVersionKind gvk = request.getKind();
    Optional<SourceVersion<?>> version = SourceVersions.find(gvk);
    if (version.isEmpty()) {
      return AdmissionStatuses.badRequest(
          "mutation failed: unhandled kind: " + SourceJson.describe(gvk));
    }
    if (request.getObject() == null) {
      return AdmissionStatuses.badRequest("mutation failed: the new object may not be nil");
    }
    try {
      Optional<String> patch = patch(version.get(), request);
      return patch
          .map(
              p ->
                  new AdmissionResponseBuilder()
                      .withAllowed(true)
                      .withPatchType("JSONPatch")
                      .withPatch(
                          Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8)))
                      .build())
          .orElseGet(DefaultingAdmission::allowed);
    } catch (RuntimeException e) {
      // Jackson's decoding failures are unchecked; the message says which field.
      return AdmissionStatuses.badRequest(
          "mutation failed: cannot decode incoming new object: " + SourceJson.firstLine(e));
    }
  }

  /** The JSONPatch (as JSON text) defaulting makes of the request's object, if it changes it. */
  private <T extends HasMetadata> Optional<String> patch(
      SourceVersion<T> version, AdmissionRequest request) {
    ObjectNode raw = json.tree(request.getObject());
    T typed = json.decode(raw, version.type());
    ObjectNode before = json.encode(typed);
    T defaulted = version.defaults().apply(json.decode(raw, version.type()));
    ObjectNode after = json.encode(defaulted);
    if (version.userInfoAnnotations()) {
      recordUser(version, request, after);
    }

    // Carry the typed change over onto the object as sent.
    JsonNode typedChange =
        JsonDiff.asJson(before, after, DiffFlags.dontNormalizeOpIntoMoveAndCopy());
    if (typedChange.isEmpty()) {
      return Optional.empty();
    }
    JsonNode patched;
    try {
      patched = JsonPatch.apply(typedChange, raw, LENIENT);
    } catch (RuntimeException e) {
      // The sent JSON is shaped unlike its typed form there: answer the typed object whole, as
      // upstream's round-trip patch does.
      patched = after;
    }
    JsonNode patch = JsonDiff.asJson(raw, patched, DiffFlags.dontNormalizeOpIntoMoveAndCopy());
    return patch.isEmpty() ? Optional.empty() : Optional.of(patch.toString());
  }

  private <T extends HasMetadata> void recordUser(
      SourceVersion<T> version, AdmissionRequest request, ObjectNode after) {
    String user = request.getUserInfo() == null ? null : request.getUserInfo().getUsername();
    if (user == null) {
      return;
    }
    if ("UPDATE".equals(request.getOperation())) {
      if (request.getOldObject() == null) {
        return;
      }
      T old =
          version.defaults().apply(json.decode(json.tree(request.getOldObject()), version.type()));
      JsonNode oldSpec = json.encode(old).get("spec");
      if (Objects.equals(oldSpec, after.get("spec"))) {
        return;
      }
      annotations(after).put(UPDATER_ANNOTATION, user);
    } else {
      ObjectNode annotations = annotations(after);
      annotations.put(CREATOR_ANNOTATION, user);
      annotations.put(UPDATER_ANNOTATION, user);
    }
  }

  private static ObjectNode annotations(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    ObjectNode meta = metadata instanceof ObjectNode m ? m : object.putObject("metadata");
    JsonNode annotations = meta.get("annotations");
    return annotations instanceof ObjectNode a ? a : meta.putObject("annotations");
  }

  private static AdmissionResponse allowed() {
    return new AdmissionResponseBuilder().withAllowed(true).build();
  }
}
