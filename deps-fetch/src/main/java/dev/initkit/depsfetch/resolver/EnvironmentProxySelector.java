package dev.initkit.depsfetch.resolver;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Resolver's proxy selection answered by a {@link java.net.ProxySelector} (common's reading of
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY), so the environment's rules are parsed in one place for all
 * tools. Resolver asks once per repository, after mirror selection, with the repository's URL.
 */
final class EnvironmentProxySelector implements ProxySelector {
  private final java.net.ProxySelector selector;

  EnvironmentProxySelector(java.net.ProxySelector selector) {
    this.selector = selector;
  }

  @Override
  public Proxy getProxy(RemoteRepository repository) {
    URI url;
    try {
      url = new URI(repository.getUrl());
    } catch (URISyntaxException e) {
      // Not a URL the JDK reads, so not one a proxy could carry either: go direct.
      return null;
    }
    List<java.net.Proxy> proxies = selector.select(url);
    for (java.net.Proxy proxy : proxies) {
      if (proxy.type() == java.net.Proxy.Type.HTTP
          && proxy.address() instanceof InetSocketAddress address) {
        // Environment proxies are plain http:// proxies (common refuses others); an https
        // repository is reached through them with CONNECT.
        return new Proxy(Proxy.TYPE_HTTP, address.getHostString(), address.getPort());
      }
    }
    return null;
  }
}
