package dev.initkit.common.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies that {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} name (upper or
 * lower case, upper case wins), as curl and git read them; JGit does not read them by itself.
 * {@code NO_PROXY} is a comma-separated list of host names (a name also matches its subdomains; a
 * leading dot is allowed), IP addresses, CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}; they
 * match hosts given as IP addresses, as curl and Go match them: no name is resolved), or {@code *}
 * for all. Ports are not supported. An entry that is no valid range (a {@code /} elsewhere) matches
 * nothing, as curl ignores what it cannot read: the variable is often set for a whole cluster, for
 * other programs too.
 */
public final class EnvironmentProxies extends ProxySelector {
  private final Optional<Proxy> https;
  private final Optional<Proxy> http;
  private final List<String> noProxy;

  private EnvironmentProxies(Optional<Proxy> https, Optional<Proxy> http, List<String> noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  /**
   * The proxies of {@code env}, or empty when it names none.
   *
   * @throws IllegalArgumentException naming the variable whose value is not a proxy URL
   */
  public static Optional<EnvironmentProxies> from(Map<String, String> env) {
    Optional<Proxy> https = proxy(env, "HTTPS_PROXY");
    Optional<Proxy> http = proxy(env, "HTTP_PROXY");
    if (https.isEmpty() && http.isEmpty()) {
      return Optional.empty();
    }
    List<String> noProxy = new ArrayList<>();
    for (String entry : variable(env, "NO_PROXY").orElse("").split(",")) {
      String host = entry.strip().toLowerCase(Locale.ROOT);
      if (!host.isEmpty()) {
        noProxy.add(host.startsWith(".") ? host.substring(1) : host);
      }
    }
    return Optional.of(new EnvironmentProxies(https, http, List.copyOf(noProxy)));
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<Proxy> proxy(Map<String, String> env, String name) {
    Optional<String> value = variable(env, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get().contains("://") ? value.get() : "http://" + value.get();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a proxy URL: " + e.getReason());
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          name + " must be an http:// proxy with a host, like http://proxy:3128");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          name + " has credentials: proxy authentication is not supported yet");
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    return Optional.of(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port)));
  }

  @Override
  public List<Proxy> select(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Optional<Proxy> proxy =
        switch (scheme) {
          case "https" -> https;
          case "http" -> http;
          default -> Optional.empty();
        };
    if (proxy.isEmpty() || bypasses(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(proxy.get());
  }

  /**
   * Whether {@code host} is in NO_PROXY: itself, a parent domain, a range it is in, or {@code *}.
   */
  boolean bypasses(String host) {
    if (host == null) {
      return true;
    }
    String name = host.toLowerCase(Locale.ROOT);
    Optional<byte[]> address = IpRange.literal(name);
    for (String entry : noProxy) {
      if (entry.equals("*") || name.equals(entry) || name.endsWith("." + entry)) {
        return true;
      }
      if (address.isPresent() && entry.contains("/") && IpRange.contains(entry, address.get())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // The connection's own error reaches the caller; nothing to remember.
  }
}
