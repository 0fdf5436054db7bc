package dev.tributary.api.sources.ping;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.ConditionManager;
import dev.tributary.api.duck.ConditionSet;
import dev.tributary.api.duck.DeploymentAvailability;
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

  public static final String READY = "Ready";

  /** True when the sink resolved; see {@link #markSink} and {@link #markNoSink}. */
  public static final String SINK_PROVIDED = "SinkProvided";

  /** Mirrors the shared adapter Deployment, {@code knative-eventing/pingsource-mt-adapter}. */
  public static final String DEPLOYED = "Deployed";

  /** The source's OIDC identity; True with {@link #OIDC_DISABLED_REASON} when OIDC is off. */
  public static final String OIDC_IDENTITY_CREATED = "OIDCIdentityCreated";

  /** The reason upstream gives {@link #OIDC_IDENTITY_CREATED} when authentication-oidc is off. */
  public static final String OIDC_DISABLED_REASON = "authentication-oidc feature disabled";

  public static final String SINK_EMPTY_REASON = "SinkEmpty";
  public static final String SINK_EMPTY_MESSAGE = "Sink has resolved to empty.";

  /** PingSource's living condition set. */
  public static final ConditionSet CONDITIONS =
      ConditionSet.living(SINK_PROVIDED, DEPLOYED, OIDC_IDENTITY_CREATED);

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
    return conditions.get(READY);
  }

  /**
   * Records the resolved sink ({@code sinkUri}, {@code sinkCACerts}, {@code sinkAudience}) and
   * marks SinkProvided True. A null or empty {@code uri} marks it False, {@code SinkEmpty}, and
   * leaves the recorded sink as it was (as upstream does for a nil address).
   *
   * @param caCerts PEM CA certificates of the sink, or null
   * @param audience the sink's OIDC audience, or null
   */
  public void markSink(String uri, String caCerts, String audience) {
    if (uri == null || uri.isEmpty()) {
      conditions.markFalse(SINK_PROVIDED, SINK_EMPTY_REASON, SINK_EMPTY_MESSAGE);
      return;
    }
    status.setSinkUri(uri);
    status.setSinkCACerts(caCerts);
    status.setSinkAudience(audience);
    conditions.markTrue(SINK_PROVIDED);
  }

  /** Marks SinkProvided False, e.g. {@code ("NotFound", "")} when the sink does not resolve. */
  public void markNoSink(String reason, String message) {
    conditions.markFalse(SINK_PROVIDED, reason, message);
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
  public void markOIDCIdentityCreatedSucceeded() {
    conditions.markTrue(OIDC_IDENTITY_CREATED);
  }

  /** Marks OIDCIdentityCreated True with a reason and message. */
  public void markOIDCIdentityCreatedSucceededWithReason(String reason, String message) {
    conditions.markTrueWithReason(OIDC_IDENTITY_CREATED, reason, message);
  }

  /** Marks OIDCIdentityCreated False. */
  public void markOIDCIdentityCreatedFailed(String reason, String message) {
    conditions.markFalse(OIDC_IDENTITY_CREATED, reason, message);
  }

  /** Marks OIDCIdentityCreated Unknown. */
  public void markOIDCIdentityCreatedUnknown(String reason, String message) {
    conditions.markUnknown(OIDC_IDENTITY_CREATED, reason, message);
  }

  /**
   * What upstream reports while the authentication-oidc feature is off (the default): True with
   * reason {@code authentication-oidc feature disabled} and no message, so Ready is not held back.
   */
  public void markOIDCDisabled() {
    markOIDCIdentityCreatedSucceededWithReason(OIDC_DISABLED_REASON, "");
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
