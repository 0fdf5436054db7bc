package dev.tributary.local.apiserver.rbac;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes' DNS name rules (RFC 1123 label and subdomain), with upstream's messages. */
final class DnsNames {

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
  private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL);
  private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);

  private DnsNames() {}

  /** Upstream's {@code IsDNS1123Subdomain}: why {@code value} is not one; empty when it is. */
  static List<String> subdomainErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (value.getBytes(StandardCharsets.UTF_8).length > 253) {
      errors.add("must be no more than 253 characters");
    }
    if (!SUBDOMAIN_PATTERN.matcher(value).matches()) {
      errors.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
              + " or '.', and must start and end with an alphanumeric character (e.g."
              + " 'example.com', regex used for validation is '"
              + SUBDOMAIN
              + "')");
    }
    return errors;
  }

  /** Whether {@code value} is an RFC 1123 label (a valid namespace name). */
  static boolean isLabel(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length <= 63
        && LABEL_PATTERN.matcher(value).matches();
  }
}
