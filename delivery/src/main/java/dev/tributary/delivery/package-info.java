/**
 * CloudEvents over HTTP, as Knative's adapters and dispatcher speak it.
 *
 * <ul>
 *   <li>Sending: {@link dev.tributary.delivery.EventSender} / {@link
 *       dev.tributary.delivery.HttpEventSender} deliver to a {@link
 *       dev.tributary.delivery.DeliveryTarget} with a {@link dev.tributary.delivery.RetryPolicy}
 *       (Knative's source defaults or DeliverySpec semantics), optional dead letter sink, and
 *       {@code K_CE_OVERRIDES} via {@link dev.tributary.delivery.CeOverridesApplier}; each send
 *       ends in an explicit {@link dev.tributary.delivery.DeliveryOutcome}.
 *   <li>Receiving: {@link dev.tributary.delivery.CloudEventReceiver} is a Vert.x request handler
 *       for binary, structured and batched events (400 malformed, 415 unknown encoding, 413 too
 *       large, 405 not POST).
 *   <li>{@link dev.tributary.delivery.CloudEventHttpCodec} is our thin Vert.x 5 binding over the
 *       CloudEvents SDK; {@link dev.tributary.delivery.DeliveryMetrics} names every metric.
 * </ul>
 */
package dev.tributary.delivery;
