package dev.tributary.api.cron;

import dev.tributary.api.validation.GoQuote;

/**
 * Go's {@code strconv.Atoi} on a 64-bit platform: an optional sign and ASCII digits only, the int64
 * range, and Go's error text ({@code strconv.Atoi: parsing "x": invalid syntax} or {@code ... value
 * out of range}), which robfig/cron embeds in its own messages.
 */
final class GoAtoi {

  /** The unsigned 64-bit limit Go's digit loop overflows at, as a Java (signed) long. */
  private static final long UINT64_MAX = -1L;

  private GoAtoi() {}

  /**
   * Parses {@code s} as Go's Atoi does.
   *
   * @throws IllegalArgumentException whose message is Go's error text
   */
  static long parse(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == s.length()) {
      throw error(s, "invalid syntax");
    }
    // Digits accumulate as an unsigned 64-bit value, like Go's ParseUint; the first problem
    // met from left to right (a non-digit, or overflow) decides the error.
    long value = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw error(s, "invalid syntax");
      }
      if (Long.compareUnsigned(value, Long.divideUnsigned(UINT64_MAX, 10)) > 0) {
        throw error(s, "value out of range");
      }
      long shifted = value * 10;
      long next = shifted + (c - '0');
      if (Long.compareUnsigned(next, shifted) < 0) {
        throw error(s, "value out of range");
      }
      value = next;
    }
    if (!negative && Long.compareUnsigned(value, Long.MAX_VALUE) > 0) {
      throw error(s, "value out of range");
    }
    if (negative && Long.compareUnsigned(value, Long.MIN_VALUE) > 0) {
      throw error(s, "value out of range");
    }
    return negative ? -value : value;
  }

  private static IllegalArgumentException error(String s, String reason) {
    return new IllegalArgumentException(
        "strconv.Atoi: parsing " + GoQuote.quote(s) + ": " + reason);
  }
}
