/** Sink resolution: a Knative {@code Destination} to the URI events are sent to (spec §2). */
package dev.tributary.controller.sink;
