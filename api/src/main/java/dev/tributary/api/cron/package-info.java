/**
 * A cron parser and schedule compatible with robfig/cron v3.0.1, the library Knative's PingSource
 * validation and {@code mtping} adapter use: the same syntax, the same activation times (DST days
 * included) and the same error messages. Start at {@link dev.tributary.api.cron.CronParser}.
 */
package dev.tributary.api.cron;
