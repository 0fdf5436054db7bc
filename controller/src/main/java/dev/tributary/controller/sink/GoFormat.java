package dev.tributary.controller.sink;

import dev.tributary.api.duck.KReference;
import dev.tributary.api.validation.GoQuote;

/** Go's renderings that appear in knative.dev/pkg's resolver messages. */
final class GoFormat {

  private GoFormat() {}

  /** Go's {@code %q}. */
  static String quote(String s) {
    return GoQuote.quote(s);
  }

  /**
   * Go's {@code %s} of a {@code *duckv1.KReference}, a struct without a String method: {@code
   * &{Kind Namespace Name APIVersion Group Address}}. A nil {@code *string} address prints as
   * {@code %!s(*string=<nil>)}; a set one prints a pointer in Go, for which we print the name.
   */
  static String kreference(KReference ref) {
    String address =
        ref.address() == null || ref.address().isEmpty() ? "%!s(*string=<nil>)" : ref.address();
    return "&{"
        + String.join(
            " ",
            nz(ref.kind()),
            nz(ref.namespace()),
            nz(ref.name()),
            nz(ref.apiVersion()),
            nz(ref.group()),
            address)
        + "}";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
