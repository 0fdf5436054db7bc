package dev.tributary.api.duck;

/**
 * The condition types, reasons and messages more than one source kind uses, and the two transitions
 * they share: recording the resolved sink and reporting OIDC as disabled. Each kind's Lifecycle
 * declares which of these types its {@link ConditionSet} holds and delegates here, so the texts
 * (Knative's, byte for byte) and the rules exist once.
 *
 * <p>Stateless; the methods change the status behind the {@link ConditionManager} they are given,
 * which the caller owns (not thread-safe, as the manager).
 */
public final class SourceConditions {
  /** True when the sink resolved to a URL; see {@link #markSink}. */
  public static final String SINK_PROVIDED = "SinkProvided";

  /** The source's OIDC service account exists, or OIDC is off; see {@link #markOidcDisabled}. */
  public static final String OIDC_IDENTITY_CREATED = "OIDCIdentityCreated";

  /** {@link #SINK_PROVIDED}'s reason when the sink resolved to nothing. */
  public static final String SINK_EMPTY_REASON = "SinkEmpty";

  /** {@link #SINK_PROVIDED}'s message when the sink resolved to nothing. */
  public static final String SINK_EMPTY_MESSAGE = "Sink has resolved to empty.";

  /**
   * The reason of every OIDC condition while the authentication-oidc feature is off, which is
   * upstream's default and always the case in Tributary.
   */
  public static final String OIDC_DISABLED_REASON = "authentication-oidc feature disabled";

  private SourceConditions() {}

  /**
   * Records the resolved sink in {@code status} ({@code sinkUri}, {@code sinkCACerts}, {@code
   * sinkAudience}) and marks {@link #SINK_PROVIDED} True.
   *
   * <p>A null or empty {@code uri} means there is no sink: an empty URL is never one an event can
   * be sent to. Then SinkProvided becomes False with reason {@link #SINK_EMPTY_REASON} and message
   * {@link #SINK_EMPTY_MESSAGE}, and the sink fields keep their previous values, as upstream does
   * for a nil address (upstream's {@code MarkSink} takes a pointer; nil is its only "no sink").
   *
   * @param conditions the manager of {@code status}; its set must contain {@link #SINK_PROVIDED}
   * @param status the status {@code conditions} manages
   * @param uri the sink's URL, or null/empty when resolution gave nothing
   * @param caCerts the sink's CA certificates (PEM), or null
   * @param audience the sink's OIDC audience, or null
   */
  public static void markSink(
      ConditionManager conditions,
      SourceStatus status,
      String uri,
      String caCerts,
      String audience) {
    if (uri == null || uri.isEmpty()) {
      conditions.markFalse(SINK_PROVIDED, SINK_EMPTY_REASON, SINK_EMPTY_MESSAGE);
      return;
    }
    status.setSinkUri(uri);
    status.setSinkCACerts(caCerts);
    status.setSinkAudience(audience);
    conditions.markTrue(SINK_PROVIDED);
  }

  /**
   * Marks each of {@code conditionTypes} True with reason {@link #OIDC_DISABLED_REASON} and an
   * empty message, in the given order: what upstream reports for its OIDC conditions while the
   * authentication-oidc feature is off, so they do not hold Ready back.
   *
   * @param conditions the manager of the status to change
   * @param conditionTypes the kind's OIDC condition types, e.g. {@link #OIDC_IDENTITY_CREATED}
   */
  public static void markOidcDisabled(ConditionManager conditions, String... conditionTypes) {
    for (String type : conditionTypes) {
      conditions.markTrueWithReason(type, OIDC_DISABLED_REASON, "");
    }
  }
}
