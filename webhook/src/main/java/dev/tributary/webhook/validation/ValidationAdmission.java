package dev.tributary.webhook.validation;

import dev.tributary.api.sources.ping.PingDefaultsConfig;
import dev.tributary.api.validation.FieldError;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The validating webhook ({@code /resource-validation}), as knative.dev/pkg's validation admission
 * controller: on CREATE and UPDATE of any served version of the four kinds, the object is decoded
 * and checked with the api module's {@code *Validation}, which collects every field error with its
 * path; any error denies the request with {@code validation failed: <every error>} (see {@link
 * AdmissionStatuses#invalid}). DELETE and CONNECT pass. The four kinds have no immutable fields
 * upstream, so an update is validated as the new object alone.
 *
 * <p>PingSource payload limits come from the current {@code config-ping-defaults} (a supplier that
 * must not block, e.g. {@link PingDefaultsWatch}). Stateless otherwise; thread-safe.
 */
public final class ValidationAdmission implements AdmissionHandler {

  private final SourceJson json;
  private final Supplier<PingDefaultsConfig> pingDefaults;

  public ValidationAdmission(SourceJson json, Supplier<PingDefaultsConfig> pingDefaults) {
    this.json = Objects.requireNonNull(json, "json");
    this.pingDefaults = Objects.requireNonNull(pingDefaults, "pingDefaults");
  }

  @Override
  public String path() {
    return WebhookConfigurations.VALIDATION_PATH;
  }

  @Override
  public AdmissionResponse admit(AdmissionRequest request) {
    GroupVersionKind gvk = request.getKind();
    Optional<SourceVersion<?>> version = SourceVersions.find(gvk);
    if (version.isEmpty()) {
      return AdmissionStatuses.badRequest(
          "decoding request failed: unhandled kind: " + SourceJson.describe(gvk));
    }
    String operation = request.getOperation();
    if (!"CREATE".equals(operation) && !"UPDATE".equals(operation)) {
      return allowed();
    }
    if (request.getObject() == null) {
      return AdmissionStatuses.badRequest("validation failed: the new object may not be nil");
    }
    FieldError errors;
    try {
      errors = validate(version.get(), request.getObject());
    } catch (RuntimeException e) {
      // Jackson's decoding failures are unchecked; the message says which field.
      return AdmissionStatuses.badRequest(
          "decoding request failed: cannot decode incoming new object: " + SourceJson.firstLine(e));
    }
    if (errors.isEmpty()) {
      return allowed();
    }
    return AdmissionStatuses.invalid(errors, gvk.getGroup(), gvk.getKind(), request.getName());
  }

  private <T extends HasMetadata> FieldError validate(SourceVersion<T> version, Object object) {
    T typed = json.decode(json.tree(object), version.type());
    return version.validate().apply(typed, pingDefaults.get());
  }

  private static AdmissionResponse allowed() {
    return new AdmissionResponseBuilder().withAllowed(true).build();
  }
}
