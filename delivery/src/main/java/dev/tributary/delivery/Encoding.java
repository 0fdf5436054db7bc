package dev.tributary.delivery;

/** How a CloudEvent is put on the HTTP wire (CloudEvents HTTP protocol binding). */
public enum Encoding {
  /**
   * Attributes in {@code ce-*} headers, the data as the body, {@code Content-Type} = {@code
   * datacontenttype} (absent when the event has none). What Knative's adapters send.
   */
  BINARY,
  /** The whole event as one {@code application/cloudevents+json} document. */
  STRUCTURED
}
