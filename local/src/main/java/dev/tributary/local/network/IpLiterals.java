package dev.tributary.local.network;

/** Parses dotted IPv4 literals without any name lookup. */
final class IpLiterals {

  private IpLiterals() {}

  /**
   * @throws IllegalArgumentException if {@code ip} is not four dot-separated numbers 0-255
   */
  static byte[] ipv4(String ip) {
    String[] parts = ip == null ? new String[0] : ip.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 3
          || !parts[i].chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      int value = Integer.parseInt(parts[i]);
      if (value > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }
}
