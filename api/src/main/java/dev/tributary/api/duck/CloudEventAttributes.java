package dev.tributary.api.duck;

/** One entry of a source's {@code status.ceAttributes}: an event type it emits, and from where. */
public record CloudEventAttributes(String type, String source) {}
