package dev.tributary.api.sources.ping;

/**
 * PingSource defaulting, as upstream's {@code SetDefaults}: an empty schedule becomes {@code "* * *
 * * *"}. Nothing else is defaulted: not the timezone or content type, and not the sink's namespace
 * (the reconciler fills that in when it resolves the sink). Pure and idempotent.
 */
public final class PingSourceDefaults {

  /** The schedule an empty one is defaulted to: every minute. */
  public static final String DEFAULT_SCHEDULE = "* * * * *";

  private PingSourceDefaults() {}

  /** {@code spec} with its defaults applied; a null spec is taken as empty. Never mutates. */
  public static PingSourceSpec apply(PingSourceSpec spec) {
    PingSourceSpec s = spec == null ? PingSourceSpec.EMPTY : spec;
    return s.schedule().isEmpty() ? s.withSchedule(DEFAULT_SCHEDULE) : s;
  }

  /**
   * The same as {@link #apply(PingSourceSpec)}; the namespace, which other kinds use to default
   * their sink's namespace, plays no part for PingSource (upstream does not default it here).
   */
  public static PingSourceSpec apply(PingSourceSpec spec, String namespace) {
    return apply(spec);
  }
}
