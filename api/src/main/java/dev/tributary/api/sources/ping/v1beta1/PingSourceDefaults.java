package dev.tributary.api.sources.ping.v1beta1;

/**
 * v1beta1 PingSource defaulting, as upstream's v0.22 {@code SetDefaults}: an empty schedule becomes
 * {@code "* * * * *"}; nothing else. Pure and idempotent.
 */
public final class PingSourceDefaults {
  private PingSourceDefaults() {}

  /** {@code spec} with its defaults applied; a null spec is taken as empty. Never mutates. */
  public static PingSourceSpec apply(PingSourceSpec spec) {
    PingSourceSpec s = spec == null ? PingSourceSpec.EMPTY : spec;
    return s.schedule().isEmpty()
        ? s.withSchedule(dev.tributary.api.sources.ping.PingSourceDefaults.DEFAULT_SCHEDULE)
        : s;
  }
}
