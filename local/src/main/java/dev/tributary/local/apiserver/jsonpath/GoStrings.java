package dev.tributary.local.apiserver.jsonpath;

/** String ordering as Go compares strings: by UTF-8 bytes, which is code point order. */
final class GoStrings {

  private GoStrings() {}

  /** Compares by Unicode code points (Java's {@code compareTo} compares UTF-16 units). */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
