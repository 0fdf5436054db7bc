package dev.tributary.local.apiserver.rest;

import dev.tributary.local.apiserver.errors.FieldCause;
import dev.tributary.local.apiserver.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Object name rules, with apimachinery's messages: most names are DNS-1123 subdomains; namespaces
 * are DNS-1123 labels; services DNS-1035 labels; RBAC objects anything usable as a path segment.
 */
public final class Names {

  private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
  private static final String DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern LABEL = Pattern.compile(LABEL_FMT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FMT);
  private static final Pattern DNS1035 = Pattern.compile(DNS1035_FMT);

  private static final String LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
          + " and must start and end with an alphanumeric character";
  private static final String SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";

  private Names() {}

  /** The errors of {@code name} for an object of {@code type}; empty if it is valid. */
  public static List<FieldCause> validate(ResourceType type, String name) {
    String field = "metadata.name";
    if (type.group().equals("rbac.authorization.k8s.io")) {
      return List.of(); // only path-segment rules, which RbacValidation checks with its causes
    }
    if (type.group().isEmpty() && type.plural().equals("namespaces")) {
      return check(field, name, 63, LABEL, LABEL_MSG, LABEL_FMT, "my-name", "123-abc");
    }
    if (type.group().isEmpty() && type.plural().equals("services")) {
      return check(field, name, 63, DNS1035, DNS1035_MSG, DNS1035_FMT, "my-name", "abc-123");
    }
    return check(field, name, 253, SUBDOMAIN, SUBDOMAIN_MSG, SUBDOMAIN_FMT, "example.com");
  }

  /** The errors of {@code value} as a DNS-1123 label at {@code field}. */
  public static List<FieldCause> label(String field, String value) {
    return check(field, value, 63, LABEL, LABEL_MSG, LABEL_FMT, "my-name", "123-abc");
  }

  private static List<FieldCause> check(
      String field,
      String value,
      int maxLength,
      Pattern pattern,
      String message,
      String format,
      String... examples) {
    List<FieldCause> causes = new ArrayList<>();
    if (value.length() > maxLength) {
      causes.add(
          FieldCause.invalid(field, value, "must be no more than " + maxLength + " characters"));
    }
    if (!pattern.matcher(value).matches()) {
      causes.add(FieldCause.invalid(field, value, regexError(message, format, examples)));
    }
    return causes;
  }

  private static String regexError(String message, String format, String... examples) {
    StringBuilder text = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      text.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return text.append("regex used for validation is '").append(format).append("')").toString();
  }
}
