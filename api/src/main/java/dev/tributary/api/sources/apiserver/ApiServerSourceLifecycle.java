package dev.tributary.api.sources.apiserver;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.ConditionManager;
import dev.tributary.api.duck.ConditionSet;
import dev.tributary.api.duck.DeploymentAvailability;
import dev.tributary.api.duck.SourceConditions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The only way an ApiServerSource's status conditions change, as upstream's {@code
 * apiserver_lifecycle.go}: {@code Ready} is derived from {@code SinkProvided}, {@code Deployed},
 * {@code SufficientPermissions} and {@code OIDCIdentityCreated}, with upstream's reasons and
 * messages.
 *
 * <p>Not thread-safe: it changes the status it wraps, which the caller (a reconcile) owns.
 */
public final class ApiServerSourceLifecycle {
  /** Mirrors the adapter Deployment. */
  public static final String DEPLOYED = "Deployed";

  /** True when the source's service account may do what the source watches. */
  public static final String SUFFICIENT_PERMISSIONS = "SufficientPermissions";

  /** Ready and what it depends on. */
  public static final ConditionSet CONDITIONS =
      ConditionSet.living(
          SourceConditions.SINK_PROVIDED,
          DEPLOYED,
          SUFFICIENT_PERMISSIONS,
          SourceConditions.OIDC_IDENTITY_CREATED);

  private final ApiServerSourceStatus status;
  private final ConditionManager conditions;

  /** Manages {@code status}, stamping transitions with {@code clock}. */
  public ApiServerSourceLifecycle(ApiServerSourceStatus status, Clock clock) {
    this.status = status;
    this.conditions = CONDITIONS.manage(status, clock);
  }

  /** Manages {@code status} with the system UTC clock. */
  public ApiServerSourceLifecycle(ApiServerSourceStatus status) {
    this(status, Clock.systemUTC());
  }

  /** Sets every condition not yet present to Unknown. */
  public void initialize() {
    conditions.initialize();
  }

  /**
   * Records the resolved sink and marks SinkProvided True; a null or empty {@code uri} (resolution
   * gave nothing) marks it False with reason {@code SinkEmpty}, message "Sink has resolved to
   * empty.", as {@link SourceConditions#markSink} describes.
   *
   * @param uri the sink's URL, or null/empty
   * @param caCerts the sink's CA certificates (PEM), or null
   * @param audience the sink's OIDC audience, or null
   */
  public void markSink(String uri, String caCerts, String audience) {
    SourceConditions.markSink(conditions, status, uri, caCerts, audience);
  }

  /** Marks SinkProvided False (upstream's reconciler uses reason {@code NotFound}, message ""). */
  public void markNoSink(String reason, String message) {
    conditions.markFalse(SourceConditions.SINK_PROVIDED, reason, message);
  }

  /**
   * Sets Deployed from the adapter Deployment: True when Available is True and no replica is
   * unavailable; Unknown {@code DeploymentUpdating} ("Deployment has N unavailable replica(s).")
   * while some are; the Deployment's own reason and message when Available is False or Unknown;
   * Unknown {@code DeploymentUnavailable} ("The Deployment '<name>' is unavailable.") when it has
   * no Available condition.
   */
  public void propagateDeploymentAvailability(Deployment deployment) {
    DeploymentAvailability.propagate(conditions, DEPLOYED, deployment, true);
  }

  /** Marks SufficientPermissions True. */
  public void markSufficientPermissions() {
    conditions.markTrue(SUFFICIENT_PERMISSIONS);
  }

  /**
   * Marks SufficientPermissions False. Upstream's reconciler passes an empty reason and the message
   * {@link ApiServerSourcePermissions#insufficientPermissionsMessage}.
   */
  public void markNoSufficientPermissions(String reason, String message) {
    conditions.markFalse(SUFFICIENT_PERMISSIONS, reason, message);
  }

  /** Marks OIDCIdentityCreated True. */
  public void markOidcIdentityCreatedSucceeded() {
    conditions.markTrue(SourceConditions.OIDC_IDENTITY_CREATED);
  }

  /** Marks OIDCIdentityCreated True with a reason and message. */
  public void markOidcIdentityCreatedSucceededWithReason(String reason, String message) {
    conditions.markTrueWithReason(SourceConditions.OIDC_IDENTITY_CREATED, reason, message);
  }

  /** Marks OIDCIdentityCreated False. */
  public void markOidcIdentityCreatedFailed(String reason, String message) {
    conditions.markFalse(SourceConditions.OIDC_IDENTITY_CREATED, reason, message);
  }

  /** Marks OIDCIdentityCreated Unknown. */
  public void markOidcIdentityCreatedUnknown(String reason, String message) {
    conditions.markUnknown(SourceConditions.OIDC_IDENTITY_CREATED, reason, message);
  }

  /**
   * Marks OIDCIdentityCreated True with reason {@code authentication-oidc feature disabled} and an
   * empty message: what upstream reports with OIDC off, which is always the case in Tributary.
   */
  public void markOidcDisabled() {
    SourceConditions.markOidcDisabled(conditions, SourceConditions.OIDC_IDENTITY_CREATED);
  }

  /**
   * Sets {@code status.ceAttributes} to the three event types of {@code mode}, each with {@code
   * source}.
   *
   * @throws IllegalArgumentException {@code no EventType available for EventMode: <mode>} for a
   *     mode other than Reference or Resource; the status is left unchanged
   */
  public void setCeAttributes(String mode, String source) {
    status.setCeAttributes(ApiServerSourceEventTypes.ceAttributes(mode, source));
  }

  /** Empties {@code status.ceAttributes}, as upstream does when the source is finalized. */
  public void clearCeAttributes() {
    status.setCeAttributes(List.of());
  }

  /** Records the namespaces the adapter watches (sorted by the caller). */
  public void setNamespaces(List<String> namespaces) {
    status.setNamespaces(namespaces);
  }

  /** True when Ready is True. */
  public boolean isReady() {
    return conditions.isHappy();
  }

  /** The condition of {@code type}, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.get(type);
  }
}
