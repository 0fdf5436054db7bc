/**
 * The PingSource adapter.
 *
 * <p>Its Kubernetes-free core: the event one tick sends ({@link
 * dev.tributary.adapters.ping.PingEventFactory}, with deterministic ids from {@link
 * dev.tributary.adapters.ping.PingEventIds}), the schedule a spec means ({@link
 * dev.tributary.adapters.ping.PingSchedule}), where and how it is delivered ({@link
 * dev.tributary.adapters.ping.PingDeliveryTarget}), and the wiring of those to a tick scheduler and
 * an event sender ({@link dev.tributary.adapters.ping.PingTicker}).
 *
 * <p>The multi-tenant adapter program on top of it, {@link
 * dev.tributary.adapters.ping.MtPingProgram}: the PingSource informer and what it schedules ({@code
 * MtPingAdapter}), leader election per bucket ({@code leader/}), and the tick checkpoint that keeps
 * a leader change from losing or doubling a tick ({@code BucketLeader}, {@code checkpoint/}).
 */
package dev.tributary.adapters.ping;
