package dev.initkit.depsfetch;

import dev.initkit.common.cli.Secret;
import java.util.Objects;

/**
 * An HTTP proxy from settings.xml; it applies to both http and https repositories.
 *
 * @param protocol {@code http} or {@code https}
 * @param nonProxyHosts hosts reached directly, {@code |}-separated, {@code *} as a wildcard
 */
public record ProxyServer(
    String protocol, String host, int port, String username, Secret password, String nonProxyHosts)
    implements HttpProxy {
  public ProxyServer {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(nonProxyHosts, "nonProxyHosts");
  }

  @Override
  public String toString() {
    return protocol + "://" + host + ":" + port;
  }
}
