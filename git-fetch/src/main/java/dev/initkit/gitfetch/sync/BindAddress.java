package dev.initkit.gitfetch.sync;

import dev.initkit.common.failure.UsageException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Parses {@code --http-bind}: {@code HOST:PORT}, {@code [IPv6]:PORT}, or {@code :PORT}. */
public final class BindAddress {
  private BindAddress() {}

  /**
   * The address to listen on; {@code :PORT} means all interfaces, as in git-sync.
   *
   * @throws UsageException for a missing or bad port, or a host that does not resolve
   */
  public static InetSocketAddress parse(String value) throws UsageException {
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw bad(value, "no port");
    }
    String host = value.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw bad(value, "the port is not a number");
    }
    if (port < 0 || port > 65535) {
      throw bad(value, "the port is not between 0 and 65535");
    }
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw bad(value, "write an IPv6 address in brackets, like [::1]:8080");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw bad(value, "unknown host " + host);
    }
  }

  private static UsageException bad(String value, String why) {
    return new UsageException(
        "--http-bind must be HOST:PORT or :PORT (all interfaces), like :8080: '"
            + value
            + "' ("
            + why
            + ")");
  }
}
