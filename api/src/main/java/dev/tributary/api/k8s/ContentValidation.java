package dev.tributary.api.k8s;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string format checks of k8s.io/apimachinery ({@code validation.IsDNS1123Label}, {@code
 * IsQualifiedName}, {@code IsCIdentifier}, {@code IsValidLabelValue}, ...), as of v0.35 (the
 * version Knative Eventing builds with). Each returns the list of problems with apimachinery's
 * exact wording, empty when the value is valid. Lengths are UTF-8 bytes, as in Go.
 */
public final class ContentValidation {
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_LABEL_ERR =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final int DNS1123_LABEL_MAX = 63;
  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);

  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1123_SUBDOMAIN_ERR =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final int DNS1123_SUBDOMAIN_MAX = 253;
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

  private static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_KEY_ERR =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final int LABEL_KEY_MAX = 63;
  private static final Pattern LABEL_KEY = Pattern.compile(LABEL_KEY_FMT);

  private static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";
  private static final String LABEL_VALUE_ERR =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final int LABEL_VALUE_MAX = 63;
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  private static final String C_IDENTIFIER_FMT = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String C_IDENTIFIER_ERR =
      "a valid C identifier must start with alphabetic character or '_', followed by a string of"
          + " alphanumeric characters or '_'";
  private static final Pattern C_IDENTIFIER = Pattern.compile(C_IDENTIFIER_FMT);

  private ContentValidation() {}

  /** {@code IsDNS1123Label}: at most 63 bytes of {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}. */
  public static List<String> isDns1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_LABEL_MAX) {
      errs.add(maxLenError(DNS1123_LABEL_MAX));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        // A valid subdomain but not a valid label: the only difference left is dots.
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  /** {@code IsDNS1123Subdomain}: at most 253 bytes of dot-separated DNS-1123 labels. */
  public static List<String> isDns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /**
   * {@code IsQualifiedName} (= {@code IsLabelKey}): an optional DNS-1123 subdomain prefix and
   * {@code /}, then a name of at most 63 bytes.
   */
  public static List<String> isQualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    switch (parts.length) {
      case 1 -> name = parts[0];
      case 2 -> {
        String prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
          errs.add("prefix part " + emptyError());
        } else {
          isDns1123Subdomain(prefix).forEach(m -> errs.add("prefix part " + m));
        }
      }
      default -> {
        errs.add(
            "a valid label key "
                + regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part " + emptyError());
    } else if (byteLength(name) > LABEL_KEY_MAX) {
      errs.add("name part " + maxLenError(LABEL_KEY_MAX));
    }
    if (!LABEL_KEY.matcher(name).matches()) {
      errs.add(
          "name part " + regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** {@code IsValidLabelValue}: empty, or at most 63 bytes starting and ending alphanumeric. */
  public static List<String> isLabelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (byteLength(value) > LABEL_VALUE_MAX) {
      errs.add(maxLenError(LABEL_VALUE_MAX));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** {@code IsCIdentifier}: a C identifier, any length. */
  public static List<String> isCIdentifier(String value) {
    if (C_IDENTIFIER.matcher(value).matches()) {
      return List.of();
    }
    return List.of(regexError(C_IDENTIFIER_ERR, C_IDENTIFIER_FMT, "my_name", "MY_NAME", "MyName"));
  }

  /** apimachinery's {@code RegexError}, including its odd {@code ", or "} separators. */
  static String regexError(String message, String regex, String... examples) {
    if (examples.length == 0) {
      return message + " (regex used for validation is '" + regex + "')";
    }
    StringBuilder b = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        b.append(" or ");
      }
      b.append('\'').append(examples[i]).append("', ");
    }
    return b.append("regex used for validation is '").append(regex).append("')").toString();
  }

  private static String maxLenError(int length) {
    return "must be no more than " + length + " bytes";
  }

  private static String emptyError() {
    return "must be non-empty";
  }

  private static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
