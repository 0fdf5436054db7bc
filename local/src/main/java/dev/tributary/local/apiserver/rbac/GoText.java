package dev.tributary.local.apiserver.rbac;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Go's {@code %q} and {@code %#v} renderings of strings, which kube-apiserver's messages embed; we
 * reproduce them so our messages match byte for byte.
 */
final class GoText {

  private GoText() {}

  /** {@code s} as Go's {@code %q} prints it: double-quoted, with backslash escapes. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\x%02x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** A string slice as Go's {@code %#v} prints it: {@code []string{"a", "b"}}. */
  static String stringSlice(List<String> values) {
    return values.stream().map(GoText::quote).collect(Collectors.joining(", ", "[]string{", "}"));
  }
}
