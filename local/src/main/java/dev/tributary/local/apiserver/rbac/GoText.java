package dev.tributary.local.apiserver.rbac;

import dev.tributary.api.validation.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Go's {@code %q} and {@code %#v} renderings of strings, which kube-apiserver's messages embed; we
 * reproduce them so our messages match byte for byte.
 */
final class GoText {

  private GoText() {}

  /** A string slice as Go's {@code %#v} prints it: {@code []string{"a", "b"}}. */
  static String stringSlice(List<String> values) {
    return values.stream().map(GoQuote::quote).collect(Collectors.joining(", ", "[]string{", "}"));
  }
}
