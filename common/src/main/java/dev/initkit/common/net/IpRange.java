package dev.initkit.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses written literally and CIDR ranges, read without ever asking DNS. */
final class IpRange {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private IpRange() {}

  /**
   * The address {@code text} spells (dotted IPv4, or IPv6 with or without brackets, as {@link
   * java.net.URI#getHost()} gives it), or empty for a host name.
   */
  static Optional<byte[]> literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    // Only literals reach InetAddress, which then parses them instead of resolving a name (an
    // out-of-range dotted quad would be looked up as a name).
    boolean ipv4 = IPV4.matcher(bare).matches();
    if (ipv4 ? !octetsInRange(bare) : !bare.contains(":")) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(bare).getAddress());
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean octetsInRange(String dotted) {
    for (String octet : dotted.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code address} is in the range {@code cidr} ({@code 10.0.0.0/8}); false if no range.
   */
  static boolean contains(String cidr, byte[] address) {
    int slash = cidr.indexOf('/');
    Optional<byte[]> network = literal(cidr.substring(0, slash));
    int bits;
    try {
      bits = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (network.isEmpty()
        || network.get().length != address.length
        || bits < 0
        || bits > address.length * 8) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((network.get()[i / 8] & mask) != (address[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
