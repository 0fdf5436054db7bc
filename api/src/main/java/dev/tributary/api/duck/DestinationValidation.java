package dev.tributary.api.duck;

import dev.tributary.api.validation.FieldError;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a {@link Destination} and its {@link KReference} as knative.dev/pkg does. */
public final class DestinationValidation {
  private static final Pattern PEM_BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----", Pattern.DOTALL);

  private DestinationValidation() {}

  /** Errors of {@code destination}, with paths relative to it ({@code ref.name}, {@code uri}). */
  public static FieldError validate(Destination destination) {
    if (destination == null) {
      return FieldError.NONE;
    }
    KReference ref = destination.ref();
    String uri = destination.uri();
    if (ref == null && uri == null) {
      return FieldError.generic("expected at least one, got none", "ref", "uri");
    }
    if (ref != null && uri != null && isAbsolute(uri)) {
      return FieldError.generic(
          "Absolute URI is not allowed when Ref or [apiVersion, kind, name] is present",
          "[apiVersion, kind, name]",
          "ref",
          "uri");
    }
    if (ref == null && (!isAbsolute(uri) || host(uri).isEmpty())) {
      return FieldError.invalidValue(
          "Relative URI is not allowed when Ref and [apiVersion, kind, name] is absent", "uri");
    }
    if (ref != null && uri == null) {
      return validate(ref).viaField("ref");
    }
    if (destination.caCerts() != null) {
      return validateCaCerts(destination.caCerts());
    }
    return FieldError.NONE;
  }

  /** Errors of a reference: name, apiVersion and kind required; group disallowed. */
  public static FieldError validate(KReference ref) {
    if (ref == null) {
      return FieldError.missingField("name")
          .also(FieldError.missingField("apiVersion"), FieldError.missingField("kind"));
    }
    FieldError errs = FieldError.NONE;
    if (isEmpty(ref.name())) {
      errs = errs.also(FieldError.missingField("name"));
    }
    if (!isEmpty(ref.group())) {
      errs = errs.also(FieldError.disallowedFields("group"));
    }
    if (isEmpty(ref.apiVersion())) {
      errs = errs.also(FieldError.missingField("apiVersion"));
    }
    if (isEmpty(ref.kind())) {
      errs = errs.also(FieldError.missingField("kind"));
    }
    return errs;
  }

  private static FieldError validateCaCerts(String pem) {
    Matcher m = PEM_BLOCK.matcher(pem);
    if (!m.find()) {
      return FieldError.invalidValue("CA Cert provided is invalid", "caCert");
    }
    if (!m.group(1).equals("CERTIFICATE")) {
      return FieldError.invalidValue("CA Cert provided is not a certificate", "caCert");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
      return FieldError.NONE;
    } catch (IllegalArgumentException | CertificateException e) {
      return FieldError.invalidValue("CA Cert provided is invalid", "caCert");
    }
  }

  private static boolean isAbsolute(String uri) {
    try {
      return new URI(uri).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String host(String uri) {
    try {
      String host = new URI(uri).getHost();
      if (host == null) {
        // java.net.URI leaves host null for registry-based authorities such as "a_b:80".
        String authority = new URI(uri).getRawAuthority();
        return authority == null ? "" : authority;
      }
      return host;
    } catch (URISyntaxException e) {
      return "";
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
