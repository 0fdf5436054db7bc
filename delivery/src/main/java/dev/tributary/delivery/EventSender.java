package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import io.vertx.core.Future;

/** Sends CloudEvents to sinks. Implementations are thread-safe. */
public interface EventSender extends AutoCloseable {

  /**
   * Delivers {@code event} to {@code target}, retrying and dead-lettering as the target says. Never
   * blocks.
   *
   * @return a future that always succeeds with the outcome (a failure is a {@link
   *     DeliveryOutcome.Failed}, never a failed future)
   */
  Future<DeliveryOutcome> send(CloudEvent event, DeliveryTarget target);

  /** Releases connections. Sends still in flight end as {@link DeliveryOutcome.Failed}. */
  @Override
  void close();
}
