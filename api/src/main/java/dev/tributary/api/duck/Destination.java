package dev.tributary.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where events go: a reference to an Addressable object, an absolute URI, or a reference plus a URI
 * relative to it (knative.dev/pkg's {@code duckv1.Destination}).
 *
 * @param ref the object whose address is the sink
 * @param uri an absolute URI, or one relative to {@code ref}'s address
 * @param caCerts PEM CA certificates for an https sink; JSON key {@code CACerts}, as upstream
 * @param audience the OIDC audience
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Destination(
    KReference ref, String uri, @JsonProperty("CACerts") String caCerts, String audience) {

  /** A destination with just a URI. */
  public static Destination ofUri(String uri) {
    return new Destination(null, uri, null, null);
  }

  /** A destination with just a reference. */
  public static Destination ofRef(KReference ref) {
    return new Destination(ref, null, null, null);
  }

  /** This destination with the ref's namespace defaulted, as the sources' defaulting does. */
  public Destination withDefaultNamespace(String namespace) {
    if (ref == null) {
      return this;
    }
    KReference defaulted = ref.withDefaultNamespace(namespace);
    return defaulted == ref ? this : new Destination(defaulted, uri, caCerts, audience);
  }
}
