/**
 * The Kubernetes-free core of the PingSource adapter: the event one tick sends ({@link
 * dev.tributary.adapters.ping.PingEventFactory}, with deterministic ids from {@link
 * dev.tributary.adapters.ping.PingEventIds}), the schedule a spec means ({@link
 * dev.tributary.adapters.ping.PingSchedule}), where and how it is delivered ({@link
 * dev.tributary.adapters.ping.PingDeliveryTarget}), and the wiring of those to a tick scheduler and
 * an event sender ({@link dev.tributary.adapters.ping.PingTicker}).
 */
package dev.tributary.adapters.ping;
