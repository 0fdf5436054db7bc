package dev.tributary.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationValidationTest {
  private static final KReference SERVICE = KReference.of("v1", "Service", null, "event-display");

  @Test
  void neitherRefNorUri() {
    assertThat(DestinationValidation.validate(new Destination(null, null, null, null)).message())
        .isEqualTo("expected at least one, got none: ref, uri");
  }

  @Test
  void refWithAbsoluteUri() {
    assertThat(
            DestinationValidation.validate(new Destination(SERVICE, "http://x/", null, null))
                .message())
        .isEqualTo(
            "Absolute URI is not allowed when Ref or [apiVersion, kind, name] is present:"
                + " [apiVersion, kind, name], ref, uri");
  }

  @Test
  void relativeUriAlone() {
    assertThat(DestinationValidation.validate(Destination.ofUri("/path")).message())
        .isEqualTo(
            "invalid value: Relative URI is not allowed when Ref and [apiVersion, kind, name] is"
                + " absent: uri");
  }

  @Test
  void validForms() {
    assertThat(
            DestinationValidation.validate(Destination.ofUri("http://sink.ns.svc:8080/a"))
                .isEmpty())
        .isTrue();
    assertThat(DestinationValidation.validate(Destination.ofRef(SERVICE)).isEmpty()).isTrue();
    assertThat(
            DestinationValidation.validate(new Destination(SERVICE, "/extra", null, null))
                .isEmpty())
        .isTrue();
  }

  @Test
  void refFieldsAreRequiredAndGroupIsDisallowed() {
    KReference bad = new KReference(null, null, null, null, "apps", null);
    assertThat(DestinationValidation.validate(Destination.ofRef(bad)).message())
        .isEqualTo(
            "missing field(s): ref.apiVersion, ref.kind, ref.name\n"
                + "must not set the field(s): ref.group");
  }

  @Test
  void caCertsMustBeACertificate() {
    Destination notPem = new Destination(SERVICE, "/x", "garbage", null);
    assertThat(DestinationValidation.validate(notPem).message())
        .isEqualTo("invalid value: CA Cert provided is invalid: caCert");
    Destination key =
        new Destination(
            SERVICE, "/x", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", null);
    assertThat(DestinationValidation.validate(key).message())
        .isEqualTo("invalid value: CA Cert provided is not a certificate: caCert");
  }
}
