package dev.tributary.local.apiserver.admission.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.admission.AdmissionAttributes;
import dev.tributary.local.apiserver.admission.AdmissionChain;
import dev.tributary.local.apiserver.admission.MutatingAdmission;
import dev.tributary.local.apiserver.admission.Operation;
import dev.tributary.local.apiserver.admission.ValidatingAdmission;
import dev.tributary.local.apiserver.admission.Warnings;
import dev.tributary.local.apiserver.errors.ApiErrors;
import dev.tributary.local.apiserver.errors.ApiException;
import dev.tributary.local.apiserver.patch.JsonPatch;
import dev.tributary.local.apiserver.patch.PatchException;
import dev.tributary.local.store.ObjectKey;
import dev.tributary.local.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kube-apiserver's MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins: calls the
 * webhooks that the stored {@code MutatingWebhookConfiguration}s and {@code
 * ValidatingWebhookConfiguration}s register, for every request they match.
 *
 * <p>Per webhook: a dry-run request to one with side effects is refused (400); a call that fails
 * (unreachable, timeout, non-200, malformed answer) fails the request with 500 under {@code
 * failurePolicy: Fail} and is skipped under {@code Ignore}; {@code allowed: false} refuses it with
 * upstream's {@code admission webhook "name" denied the request: message}; a mutating webhook's
 * JSONPatch is applied before the next webhook is called; warnings go to the client.
 *
 * <p>Not done: {@code reinvocationPolicy: IfNeeded} (webhooks run once, as with {@code Never});
 * validating webhooks are called one after another, not in parallel; {@code matchConditions}.
 *
 * <p>Calls block their worker thread (see {@link WebhookClient}). Thread-safe once started.
 */
public final class WebhookAdmission implements AdmissionChain.Resource {

  private static final Logger log = LoggerFactory.getLogger(WebhookAdmission.class);

  /** How often a failing webhook is warned about (each request still fails with the reason). */
  private static final Duration FAILURE_WARNING_INTERVAL = Duration.ofSeconds(30);

  private final WebhookConfigurations mutatingConfigurations;
  private final WebhookConfigurations validatingConfigurations;
  private final WebhookClient client;
  private final WebhookMatcher matcher;
  private final WarningThrottle failures =
      new WarningThrottle(FAILURE_WARNING_INTERVAL, System::nanoTime);

  public WebhookAdmission(Store store, WebhookSettings settings) {
    this(
        new WebhookConfigurations(
            store, "admissionregistration.k8s.io/mutatingwebhookconfigurations"),
        new WebhookConfigurations(
            store, "admissionregistration.k8s.io/validatingwebhookconfigurations"),
        new WebhookClient(settings.serviceResolver()),
        new WebhookMatcher(namespaceLabels(store)));
  }

  private WebhookAdmission(
      WebhookConfigurations mutatingConfigurations,
      WebhookConfigurations validatingConfigurations,
      WebhookClient client,
      WebhookMatcher matcher) {
    this.mutatingConfigurations = mutatingConfigurations;
    this.validatingConfigurations = validatingConfigurations;
    this.client = client;
    this.matcher = matcher;
  }

  private static Function<String, JsonNode> namespaceLabels(Store store) {
    return namespace ->
        store
            .get(ObjectKey.cluster("namespaces", namespace))
            .map(object -> object.path("metadata").get("labels"))
            .orElse(null);
  }

  @Override
  public void start() {
    mutatingConfigurations.start();
    validatingConfigurations.start();
  }

  @Override
  public void close() {
    mutatingConfigurations.close();
    validatingConfigurations.close();
    client.close();
  }

  /** The mutating webhooks as one admission step. */
  public MutatingAdmission mutating() {
    return this::mutate;
  }

  /** The validating webhooks as one admission step. */
  public ValidatingAdmission validating() {
    return this::validate;
  }

  ObjectNode mutate(AdmissionAttributes attributes, Warnings warnings) {
    return mutate(mutatingConfigurations.webhooks(), attributes, warnings);
  }

  void validate(AdmissionAttributes attributes, Warnings warnings) {
    validate(validatingConfigurations.webhooks(), attributes, warnings);
  }

  /** Calls the matching ones of {@code webhooks} in order, each seeing the previous one's patch. */
  ObjectNode mutate(List<Webhook> webhooks, AdmissionAttributes attributes, Warnings warnings) {
    AdmissionAttributes current = attributes;
    for (Webhook webhook : webhooks) {
      if (!matcher.matches(webhook, current)) {
        continue;
      }
      AdmissionReviews.Answer answer = call(webhook, current, true, warnings);
      if (answer == null || answer.patch() == null) {
        continue;
      }
      if (current.object() == null || current.operation() == Operation.DELETE) {
        log.warn(
            "ignoring a webhook patch for a request without an object webhook={} operation={}",
            webhook.name(),
            current.operation());
        continue;
      }
      current = current.withObject(applyPatch(webhook, current.object(), answer.patch()));
    }
    return current.object();
  }

  /** Calls the matching ones of {@code webhooks} in order; the first denial wins. */
  void validate(List<Webhook> webhooks, AdmissionAttributes attributes, Warnings warnings) {
    for (Webhook webhook : webhooks) {
      if (matcher.matches(webhook, attributes)) {
        call(webhook, attributes, false, warnings);
      }
    }
  }

  /**
   * One call: the answer if the webhook allowed the request, null if its failure is ignored.
   *
   * @throws ApiException if it denied the request, or failed under {@code failurePolicy: Fail}
   */
  private AdmissionReviews.Answer call(
      Webhook webhook, AdmissionAttributes attributes, boolean mutating, Warnings warnings) {
    if (attributes.dryRun() && !webhook.supportsDryRun()) {
      throw ApiErrors.badRequest(
          "admission webhook \"" + webhook.name() + "\" does not support dry run");
    }
    String uid = UUID.randomUUID().toString();
    AdmissionReviews.Answer answer;
    try {
      JsonNode body = client.post(webhook, AdmissionReviews.request(uid, attributes));
      answer = AdmissionReviews.answer(uid, body, mutating);
    } catch (WebhookCallException e) {
      String message = "failed calling webhook \"" + webhook.name() + "\": " + e.getMessage();
      if (webhook.ignoresFailures()) {
        log.warn(
            "webhook failed, failing open webhook={} configuration={} resource={} namespace={}"
                + " name={}: {}",
            webhook.name(),
            webhook.configuration(),
            attributes.type().qualifiedPlural(),
            attributes.namespace(),
            attributes.name(),
            message);
        return null;
      }
      OptionalInt quietSince = failures.warn(webhook.name());
      if (quietSince.isPresent()) {
        log.warn(
            "webhook failed, failing closed webhook={} configuration={} resource={} namespace={}"
                + " name={}: {} (this webhook's failures are logged at most every {}s; {} more"
                + " since the last one)",
            webhook.name(),
            webhook.configuration(),
            attributes.type().qualifiedPlural(),
            attributes.namespace(),
            attributes.name(),
            message,
            FAILURE_WARNING_INTERVAL.toSeconds(),
            quietSince.getAsInt());
      }
      throw ApiErrors.internal(message);
    }
    answer.warnings().forEach(warnings::add);
    if (!answer.allowed()) {
      throw denial(webhook.name(), answer.status());
    }
    return answer;
  }

  /** Upstream's {@code ToStatusErr}: the webhook's Status, worded as its denial. */
  static ApiException denial(String webhookName, JsonNode status) {
    String deniedBy = "admission webhook \"" + webhookName + "\" denied the request";
    JsonNode result =
        status == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : status;
    int code = result.path("code").asInt(0);
    if (code < 400) {
      code = 403;
    }
    String message = result.path("message").asText("");
    String reason = result.path("reason").asText("");
    String text =
        !message.isEmpty()
            ? deniedBy + ": " + message
            : !reason.isEmpty() ? deniedBy + ": " + reason : deniedBy + " without explanation";
    ApiException base = ApiException.fromStatus(result);
    return new ApiException(code, reason, text, base.details());
  }

  private static ObjectNode applyPatch(Webhook webhook, ObjectNode object, JsonNode patch) {
    JsonNode patched;
    try {
      patched = JsonPatch.apply(object, patch);
    } catch (PatchException e) {
      throw ApiErrors.internal(
          "admission webhook \""
              + webhook.name()
              + "\" returned a patch that does not apply: "
              + e.detail());
    }
    if (!patched.isObject()) {
      throw ApiErrors.internal(
          "admission webhook \"" + webhook.name() + "\" patched the object into a non-object");
    }
    return (ObjectNode) patched;
  }
}
