/**
 * Firing many cron schedules from one timer: {@link dev.tributary.adapters.schedule.TickScheduler}.
 */
package dev.tributary.adapters.schedule;
