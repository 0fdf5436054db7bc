package dev.tributary.api.sources.ping;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.ConditionManager;
import dev.tributary.api.duck.ConditionSet;
import dev.tributary.api.duck.DeploymentAvailability;
import dev.tributary.api.duck.SourceConditions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.Optional;

/**
 * Changes a {@link PingSourceStatus} through upstream's named transitions, over the condition set
 * Ready = SinkProvided ∧ Deployed ∧ OIDCIdentityCreated. Reasons and messages are upstream's.
 *
 * <p>Not thread-safe: it mutates the status it wraps, which the caller owns.
 */
public final class PingSourceLifecycle {

  /** Mirrors the shared adapter Deployment, {@code knative-eventing/pingsource-mt-adapter}. */
  public static final String DEPLOYED = "Deployed";

  /** PingSource's living condition set. */
  public static final ConditionSet CONDITIONS =
      ConditionSet.living(
          SourceConditions.SINK_PROVIDED, DEPLOYED, SourceConditions.OIDC_IDENTITY_CREATED);

  private final PingSourceStatus status;
  private final ConditionManager conditions;

  /** A lifecycle stamping transitions with the system UTC clock. */
  public PingSourceLifecycle(PingSourceStatus status) {
    this(status, Clock.systemUTC());
  }

  /** A lifecycle over {@code status}, stamping transitions with {@code clock}'s time. */
  public PingSourceLifecycle(PingSourceStatus status, Clock clock) {
    this.status = status;
    this.conditions = CONDITIONS.manage(status, clock);
  }

  /** Sets every condition not yet present to Unknown. */
  public void initialize() {
    conditions.initialize();
  }

  /** True when Ready is True. */
  public boolean isReady() {
    return conditions.isHappy();
  }

  /** The condition of {@code type}, if present. */
  public Optional<Condition> condition(String type) {
    return conditions.get(type);
  }

  /** The Ready condition, if present. */
  public Optional<Condition> topLevelCondition() {
    return conditions.get(ConditionSet.READY);
  }

  /**
   * Records the resolved sink and marks SinkProvided True; a null or empty {@code uri} marks it
   * False {@code SinkEmpty}, as {@link SourceConditions#markSink} describes.
   *
   * @param caCerts PEM CA certificates of the sink, or null
   * @param audience the sink's OIDC audience, or null
   */
  public void markSink(String uri, String caCerts, String audience) {
    SourceConditions.markSink(conditions, status, uri, caCerts, audience);
  }

  /** Marks SinkProvided False, e.g. {@code ("NotFound", "")} when the sink does not resolve. */
  public void markNoSink(String reason, String message) {
    conditions.markFalse(SourceConditions.SINK_PROVIDED, reason, message);
  }

  /**
   * Sets Deployed from the adapter Deployment: True when Available and no replica is unavailable;
   * Unknown {@code DeploymentUpdating} while some are; the Deployment's own reason and message when
   * Available is False or Unknown; Unknown {@code DeploymentUnavailable} without Available.
   */
  public void propagateDeploymentAvailability(Deployment deployment) {
    DeploymentAvailability.propagate(conditions, DEPLOYED, deployment, true);
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
   * What upstream reports while the authentication-oidc feature is off (the default): True with
   * reason {@code authentication-oidc feature disabled} and no message, so Ready is not held back.
   */
  public void markOidcDisabled() {
    SourceConditions.markOidcDisabled(conditions, SourceConditions.OIDC_IDENTITY_CREATED);
  }

  /** Publishes the events this source emits in {@code status.ceAttributes}. */
  public void markCeAttributes(String namespace, String name) {
    status.setCeAttributes(PingSourceEvents.ceAttributes(namespace, name));
  }

  /** Clears {@code status.ceAttributes}, as upstream does when the source is finalized. */
  public void clearCeAttributes() {
    status.setCeAttributes(null);
  }
}
