package dev.tributary.local.apiserver.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string formats a CRD schema may validate. Kubernetes keeps a fixed list of formats and
 * ignores every other one (so {@code int32}, {@code int64}, {@code float}... validate nothing);
 * names match with dashes removed ({@code date-time} is {@code datetime}).
 *
 * <p>Formats are checked as kube-openapi's strfmt does for the common ones (date, date-time, uuid*,
 * ipv4, ipv6, cidr, mac, hostname, byte, hexcolor, bsonobjectid, password). The rest (uri, email,
 * isbn*, creditcard, ssn, rgbcolor, duration) are accepted as written: rejecting a value Kubernetes
 * accepts would be worse than accepting one it rejects.
 */
final class Formats {

  private static final Set<String> SUPPORTED =
      Set.of(
          "bsonobjectid",
          "uri",
          "email",
          "hostname",
          "ipv4",
          "ipv6",
          "cidr",
          "mac",
          "uuid",
          "uuid3",
          "uuid4",
          "uuid5",
          "isbn",
          "isbn10",
          "isbn13",
          "creditcard",
          "ssn",
          "hexcolor",
          "rgbcolor",
          "byte",
          "password",
          "date",
          "duration",
          "datetime");

  private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  private static final Pattern TIME =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID3 =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID4 =
      Pattern.compile(
          "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern UUID5 =
      Pattern.compile(
          "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}]"
              + "(([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
              + "([a-zA-Z\\p{L}]){2,63})$");
  private static final Pattern HEXCOLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
  private static final Pattern BSON_OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final Pattern IPV4 =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
  private static final Pattern MAC =
      Pattern.compile(
          "^([0-9a-fA-F]{2}([:-]))([0-9a-fA-F]{2}\\2){4}[0-9a-fA-F]{2}$"
              + "|^([0-9a-fA-F]{2}([:-]))([0-9a-fA-F]{2}\\6){6}[0-9a-fA-F]{2}$"
              + "|^([0-9a-fA-F]{2}([:-]))([0-9a-fA-F]{2}\\10){18}[0-9a-fA-F]{2}$"
              + "|^([0-9a-fA-F]{4}\\.){2}[0-9a-fA-F]{4}$"
              + "|^([0-9a-fA-F]{4}\\.){3}[0-9a-fA-F]{4}$"
              + "|^([0-9a-fA-F]{4}\\.){9}[0-9a-fA-F]{4}$");

  private Formats() {}

  /** Whether Kubernetes validates this format at all (others are dropped from the schema). */
  static boolean supported(String format) {
    return !format.isEmpty() && SUPPORTED.contains(normalize(format));
  }

  /** Whether {@code value} is valid for a {@linkplain #supported supported} format. */
  static boolean valid(String format, String value) {
    return switch (normalize(format)) {
      case "date" -> isDate(value);
      case "datetime" -> isDateTime(value);
      case "uuid" -> UUID.matcher(value).find();
      case "uuid3" -> UUID3.matcher(value).find();
      case "uuid4" -> UUID4.matcher(value).find();
      case "uuid5" -> UUID5.matcher(value).find();
      case "ipv4" -> isIPv4(value);
      case "ipv6" -> isIPv6(value);
      case "cidr" -> isCidr(value);
      case "mac" -> MAC.matcher(value).matches();
      case "hostname" -> value.length() <= 255 && HOSTNAME.matcher(value).find();
      case "hexcolor" -> HEXCOLOR.matcher(value).find();
      case "bsonobjectid" -> BSON_OBJECT_ID.matcher(value).matches();
      case "byte" -> isBase64(value);
      default -> true;
    };
  }

  private static String normalize(String format) {
    return format.replace("-", "");
  }

  private static boolean isDate(String s) {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** strfmt's IsDateTime: a date, a 't', and a time of day with a zone, compared leniently. */
  private static boolean isDateTime(String str) {
    if (str.length() < 4) {
      return false;
    }
    String[] parts = str.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = TIME.matcher(parts[1]);
    if (!m.find()) {
      return false;
    }
    return m.group(1).compareTo("23") <= 0
        && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }

  /** Go's net.ParseIP, tolerating leading zeros, and the text must contain a dot. */
  private static boolean isIPv4(String s) {
    Matcher m = IPV4.matcher(s);
    if (m.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          return false;
        }
      }
      return true;
    }
    // An IPv4-mapped IPv6 text parses as an IP and contains a dot, too.
    return s.contains(".") && isIPv6(s);
  }

  /** Go's net.ParseIP for IPv6 text: hex groups, at most one "::", an optional IPv4 tail. */
  private static boolean isIPv6(String s) {
    if (!s.contains(":")) {
      return false;
    }
    int ellipsis = s.indexOf("::");
    if (ellipsis >= 0 && s.indexOf("::", ellipsis + 1) >= 0) {
      return false;
    }
    int groups;
    if (ellipsis < 0) {
      groups = countGroups(s, true);
      return groups == 8;
    }
    int head = ellipsis == 0 ? 0 : countGroups(s.substring(0, ellipsis), false);
    String tailText = s.substring(ellipsis + 2);
    int tail = tailText.isEmpty() ? 0 : countGroups(tailText, true);
    // The ellipsis stands for at least one zero group.
    return head >= 0 && tail >= 0 && head + tail < 8;
  }

  /** The 16-bit groups in colon-separated text, or -1 if malformed; an IPv4 tail counts two. */
  private static int countGroups(String text, boolean mayEndWithIPv4) {
    String[] parts = text.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && mayEndWithIPv4 && part.contains(".")) {
        if (!IPV4.matcher(part).matches() || !isIPv4(part)) {
          return -1;
        }
        groups += 2;
      } else if (part.matches("[0-9a-fA-F]{1,4}")) {
        groups++;
      } else {
        return -1;
      }
    }
    return groups;
  }

  private static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0 || slash != s.lastIndexOf('/')) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!bits.matches("\\d{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (IPV4.matcher(ip).matches()) {
      return isIPv4(ip) && n <= 32;
    }
    return isIPv6(ip) && n <= 128;
  }

  private static boolean isBase64(String s) {
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
