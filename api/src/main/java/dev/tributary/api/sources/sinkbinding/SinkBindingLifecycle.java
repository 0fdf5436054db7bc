package dev.tributary.api.sources.sinkbinding;

import dev.tributary.api.duck.Condition;
import dev.tributary.api.duck.ConditionManager;
import dev.tributary.api.duck.ConditionSet;
import dev.tributary.api.duck.SourceConditions;
import java.time.Clock;
import java.util.Optional;

/**
 * The only way a {@link SinkBindingStatus} changes, with upstream's condition types, reasons and
 * messages. Ready depends on SinkBindingAvailable, SinkProvided, OIDCIdentityCreated,
 * OIDCTokenSecretCreated and TrustBundlePropagated.
 *
 * <p>Not thread-safe: it mutates the status it wraps, which the caller owns.
 */
public final class SinkBindingLifecycle {
  /** True once every subject has been patched with the binding. */
  public static final String SINK_BINDING_AVAILABLE = "SinkBindingAvailable";

  /** True once the OIDC token Secret exists, or OIDC is off. */
  public static final String OIDC_TOKEN_SECRET_CREATED = "OIDCTokenSecretCreated";

  /** True once TLS trust bundles are propagated to the namespace, or there is none. */
  public static final String TRUST_BUNDLE_PROPAGATED = "TrustBundlePropagated";

  public static final ConditionSet CONDITIONS =
      ConditionSet.living(
          SINK_BINDING_AVAILABLE,
          SourceConditions.SINK_PROVIDED,
          SourceConditions.OIDC_IDENTITY_CREATED,
          OIDC_TOKEN_SECRET_CREATED,
          TRUST_BUNDLE_PROPAGATED);

  /** SinkBindingAvailable reason: no informer could be had for the subject's resource. */
  public static final String REASON_SUBJECT_UNAVAILABLE = "SubjectUnavailable";

  /** SinkBindingAvailable reason: the subject named by {@code subject.name} does not exist. */
  public static final String REASON_SUBJECT_MISSING = "SubjectMissing";

  /** SinkBindingAvailable reason: patching a subject failed. */
  public static final String REASON_BINDING_FAILED = "BindingFailed";

  /** SinkProvided reason: the sink did not resolve. */
  public static final String REASON_NO_ADDRESSABLE = "NoAddressable";

  /** TrustBundlePropagated reason when propagation failed. */
  public static final String REASON_FAILED_TRUST_BUNDLE_PROPAGATION =
      "FailedTrustBundlePropagation";

  /** The reason of both OIDC conditions when OIDC is on but the sink has no audience. */
  public static final String REASON_SINK_HAS_NO_AUDIENCE = "Sink has no audience defined";

  private final SinkBindingStatus status;
  private final ConditionManager conditions;

  /** Wraps {@code status}, stamping transitions with {@code clock}. */
  public SinkBindingLifecycle(SinkBindingStatus status, Clock clock) {
    this.status = status;
    this.conditions = CONDITIONS.manage(status, clock);
  }

  /** Wraps {@code status}, stamping transitions with the system UTC clock. */
  public SinkBindingLifecycle(SinkBindingStatus status) {
    this(status, Clock.systemUTC());
  }

  /** Sets every absent condition to Unknown. */
  public void initialize() {
    conditions.initialize();
  }

  /** True when Ready is True. */
  public boolean isReady() {
    return conditions.isHappy();
  }

  /** The condition of {@code type}, if set. */
  public Optional<Condition> condition(String type) {
    return conditions.get(type);
  }

  /** Every subject carries the binding. */
  public void markBindingAvailable() {
    conditions.markTrue(SINK_BINDING_AVAILABLE);
  }

  /**
   * The binding could not be applied; {@code reason} is one of {@link #REASON_SUBJECT_UNAVAILABLE},
   * {@link #REASON_SUBJECT_MISSING}, {@link #REASON_BINDING_FAILED}, and {@code message} the error.
   */
  public void markBindingUnavailable(String reason, String message) {
    conditions.markFalse(SINK_BINDING_AVAILABLE, reason, message);
  }

  /**
   * The sink resolved: records its URL, CA certificates and audience (null when it has none) and
   * marks SinkProvided True. A null or empty {@code uri} means it resolved to nothing: SinkProvided
   * False {@code SinkEmpty}, and the previous sink fields are kept, as upstream (see {@link
   * SourceConditions#markSink}).
   */
  public void markSink(String uri, String caCerts, String audience) {
    SourceConditions.markSink(conditions, status, uri, caCerts, audience);
  }

  /** SinkProvided False with {@code reason} and {@code message}; the sink fields are kept. */
  public void markNoSink(String reason, String message) {
    conditions.markFalse(SourceConditions.SINK_PROVIDED, reason, message);
  }

  /**
   * The sink failed to resolve with {@code resolutionError}: SinkProvided False {@code
   * NoAddressable}, "Addressable could not be extracted from destination: ERROR", as the upstream
   * reconciler reports it.
   */
  public void markNoAddressable(String resolutionError) {
    markNoSink(
        REASON_NO_ADDRESSABLE,
        "Addressable could not be extracted from destination: " + resolutionError);
  }

  /** Trust bundles are in place (or there was nothing to propagate). */
  public void markTrustBundlePropagated() {
    conditions.markTrue(TRUST_BUNDLE_PROPAGATED);
  }

  /**
   * Trust bundle propagation failed; upstream uses {@link #REASON_FAILED_TRUST_BUNDLE_PROPAGATION}.
   */
  public void markFailedTrustBundlePropagation(String reason, String message) {
    conditions.markFalse(TRUST_BUNDLE_PROPAGATED, reason, message);
  }

  /**
   * OIDC authentication is off: both OIDC conditions True with reason {@code authentication-oidc
   * feature disabled}, as upstream reports it by default. (Upstream's reconciler also deletes any
   * token Secret and clears {@code oidcTokenSecretName}; that is the reconciler's job, not this
   * one's.)
   */
  public void markOidcDisabled() {
    SourceConditions.markOidcDisabled(
        conditions, SourceConditions.OIDC_IDENTITY_CREATED, OIDC_TOKEN_SECRET_CREATED);
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

  /** Marks OIDCTokenSecretCreated True. */
  public void markOidcTokenSecretCreatedSucceeded() {
    conditions.markTrue(OIDC_TOKEN_SECRET_CREATED);
  }

  /**
   * Marks OIDCTokenSecretCreated True with a reason and message, e.g. {@link
   * #REASON_SINK_HAS_NO_AUDIENCE}.
   */
  public void markOidcTokenSecretCreatedSucceededWithReason(String reason, String message) {
    conditions.markTrueWithReason(OIDC_TOKEN_SECRET_CREATED, reason, message);
  }

  /** Marks OIDCTokenSecretCreated False. */
  public void markOidcTokenSecretCreatedFailed(String reason, String message) {
    conditions.markFalse(OIDC_TOKEN_SECRET_CREATED, reason, message);
  }

  /** Marks OIDCTokenSecretCreated Unknown. */
  public void markOidcTokenSecretCreatedUnknown(String reason, String message) {
    conditions.markUnknown(OIDC_TOKEN_SECRET_CREATED, reason, message);
  }
}
